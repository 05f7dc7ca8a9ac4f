-- The schema guard with less server work per migration (issue 27), guarding the same things as 0007. What each part
-- cost is measured by bench/apply/statements.sh (pg_stat_statements and pg_stat_user_functions):
--
-- * guard_seal, a SQL function, was planned at each of its two calls a migration, and planning
--   unnest(guard_state()) evaluates the stable argument to estimate its rows: the catalogs were read four times a
--   migration where two are needed. It is PL/pgSQL now (plans kept for the session) and reads them once.
-- * guard_state looked up the schema name of each default privilege; it now finds the allowed schemas' OIDs once.
--
-- guard_ddl, once per DDL command, stays as 0007 wrote it: one set-based query instead of its loop, or the object
-- type instead of its regclass casts, measured no faster (about 0.03-0.05 ms a call either way).

-- The catalogs' part of the state as 0007 reads it, but with the allowed schemas' OIDs found once, not each default
-- privilege's schema name looked up row by row (most of guard_state's time on Supabase's 24 default privileges).
CREATE OR REPLACE FUNCTION ci_migrate.guard_state() RETURNS text[]
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    schemas text := coalesce(pg_catalog.current_setting('ci_migrate.guard_schemas', true), '');
    global_allowed boolean := coalesce(pg_catalog.current_setting('ci_migrate.guard_global', true), '') = 'on';
    allowed oid[] := ARRAY(SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY (pg_catalog.string_to_array(schemas, ',')));
BEGIN
    IF global_allowed THEN
        RETURN ARRAY[schemas || '|global', '', '', '', ''];
    END IF;
    RETURN ARRAY[
        schemas,
        (SELECT coalesce(pg_catalog.string_agg(pg_catalog.concat_ws(' ', e.evtname, e.evtevent, e.evtenabled, e.evtfoid::regprocedure::text,
            e.evttags::text), ';' ORDER BY e.evtname), '') FROM pg_catalog.pg_event_trigger e),
        (SELECT coalesce(pg_catalog.string_agg(pg_catalog.concat_ws(' ', s.setdatabase, s.setrole, s.setconfig::text), ';'
            ORDER BY s.setdatabase, s.setrole), '') FROM pg_catalog.pg_db_role_setting s
            WHERE s.setdatabase IN (0, (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()))),
        (SELECT coalesce(pg_catalog.string_agg(pg_catalog.concat_ws(' ', m.roleid, m.member, m.grantor, m.admin_option), ';'
            ORDER BY m.roleid, m.member, m.grantor), '') FROM pg_catalog.pg_auth_members m),
        -- defaclnamespace 0 (no schema: every schema) is never an allowed schema's OID, so it is always covered.
        (SELECT coalesce(pg_catalog.string_agg(pg_catalog.concat_ws(' ', a.defaclrole, a.defaclnamespace, a.defaclobjtype, a.defaclacl::text), ';'
            ORDER BY a.defaclrole, a.defaclnamespace, a.defaclobjtype), '') FROM pg_catalog.pg_default_acl a
            WHERE NOT a.defaclnamespace = ANY (allowed))
    ];
END
$$;

-- The seal in PL/pgSQL, which keeps its plans for the session: a SQL function is planned again at every call, and
-- planning unnest(guard_state()) read the catalogs once more to estimate its rows.
CREATE OR REPLACE FUNCTION ci_migrate.guard_seal(secret text) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    state text[] := ci_migrate.guard_state();
    seal text[] := '{}';
BEGIN
    FOR i IN 1 .. pg_catalog.array_length(state, 1) LOOP
        seal := seal || pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(secret || ':' || state[i], 'UTF8')), 'hex');
    END LOOP;
    RETURN pg_catalog.array_to_string(seal, ',');
END
$$;
