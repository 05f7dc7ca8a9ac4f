-- The schema guard, hardened (issue 26): a migration can neither forge the guard's close check nor turn the guard
-- off and on again unnoticed, and it is watched where 0003 was blind.
--
-- * Every function pins search_path to pg_catalog (then pg_temp, last, so a temporary object never shadows a
--   catalog one) and calls only pg_catalog: an app_a.current_setting() and a changed search_path change nothing.
-- * The close check is a seal made from a secret the client sends once in guard_open and again in guard_close, a
--   new one for each migration: SQL cannot derive it (0003's token was md5(schemas || pg_backend_pid())). The seal
--   covers the guard's settings and what a migration could change outside any schema: the database's event
--   triggers (a disabled or replaced guard trigger), database and role settings (ALTER DATABASE/ROLE ... SET), role
--   memberships (GRANT role TO role) and default privileges outside the allowed schemas. A change of any of them
--   between open and close fails the migration, naming what changed.
-- * Triggers, rules and policies report no schema of their own: theirs is their table's.

DROP FUNCTION ci_migrate.guard_open(text[], boolean);
DROP FUNCTION ci_migrate.guard_close();

-- What the seal covers, one text per part, in the order guard_close names them. Parts 2-5 are empty when the file
-- carries `-- ci-migrate:allow-global <reason>` (ci_migrate.guard_global = 'on'): the global change is then meant.
CREATE FUNCTION ci_migrate.guard_state() RETURNS text[]
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    schemas text := coalesce(pg_catalog.current_setting('ci_migrate.guard_schemas', true), '');
    global_allowed boolean := coalesce(pg_catalog.current_setting('ci_migrate.guard_global', true), '') = 'on';
    allowed text[] := pg_catalog.string_to_array(schemas, ',');
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
        (SELECT coalesce(pg_catalog.string_agg(pg_catalog.concat_ws(' ', a.defaclrole, a.defaclnamespace, a.defaclobjtype, a.defaclacl::text), ';'
            ORDER BY a.defaclrole, a.defaclnamespace, a.defaclobjtype), '') FROM pg_catalog.pg_default_acl a
            WHERE a.defaclnamespace = 0 OR NOT (SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE n.oid = a.defaclnamespace) = ANY (allowed))
    ];
END
$$;

-- The seal of the state, keyed by the client's secret: one SHA-256 per part, so guard_close can say which changed.
CREATE FUNCTION ci_migrate.guard_seal(secret text) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT pg_catalog.string_agg(pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(secret || ':' || part, 'UTF8')), 'hex'), ','
        ORDER BY n)
    FROM pg_catalog.unnest(ci_migrate.guard_state()) WITH ORDINALITY AS p (part, n)
$$;

-- Opens the guard: locally to the transaction when there is one (is_local), else for the session until closed.
CREATE FUNCTION ci_migrate.guard_open(schemas text[], is_local boolean, global_allowed boolean, secret text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM pg_catalog.set_config('ci_migrate.guard_schemas', pg_catalog.array_to_string(schemas, ','), is_local);
    PERFORM pg_catalog.set_config('ci_migrate.guard_global', CASE WHEN global_allowed THEN 'on' ELSE '' END, is_local);
    PERFORM pg_catalog.set_config('ci_migrate.guard_token', ci_migrate.guard_seal(secret), is_local);
END
$$;

-- Closes the guard, and fails the migration if what the seal covers changed since guard_open.
CREATE FUNCTION ci_migrate.guard_close(secret text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    sealed text[] := pg_catalog.string_to_array(coalesce(pg_catalog.current_setting('ci_migrate.guard_token', true), ''), ',');
    now text[] := pg_catalog.string_to_array(ci_migrate.guard_seal(secret), ',');
    parts text[] := ARRAY['the settings of ci-migrate''s schema guard (ci_migrate.guard_*)', 'the database''s event triggers',
        'database or role settings (ALTER DATABASE/ROLE ... SET)', 'role memberships (GRANT role TO role)',
        'default privileges outside the schemas it may change (ALTER DEFAULT PRIVILEGES)'];
BEGIN
    FOR i IN 1 .. pg_catalog.array_length(parts, 1) LOOP
        IF sealed[i] IS DISTINCT FROM now[i] THEN
            RAISE EXCEPTION 'the migration changed %', parts[i]
                USING HINT = CASE WHEN i = 1 THEN 'Migrations must not set ci_migrate.* settings.'
                    ELSE 'A change outside every schema affects all apps; if it is really meant, say why with '
                        || '"-- ci-migrate:allow-global <reason>" in the file.' END,
                      ERRCODE = 'insufficient_privilege';
        END IF;
    END LOOP;
    PERFORM pg_catalog.set_config('ci_migrate.guard_schemas', '', false), pg_catalog.set_config('ci_migrate.guard_global', '', false),
        pg_catalog.set_config('ci_migrate.guard_token', '', false);
END
$$;

CREATE OR REPLACE FUNCTION ci_migrate.guard_ddl() RETURNS event_trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    allowed text[] := pg_catalog.string_to_array(nullif(pg_catalog.current_setting('ci_migrate.guard_schemas', true), ''), ',');
    command record;
    schema text;
BEGIN
    IF allowed IS NULL THEN
        RETURN;
    END IF;
    FOR command IN SELECT * FROM pg_catalog.pg_event_trigger_ddl_commands() LOOP
        CONTINUE WHEN command.in_extension;
        schema := coalesce(command.schema_name, CASE
            -- Policies, triggers and rules report no schema: theirs is their table's, the first of their address.
            WHEN command.classid IN ('pg_catalog.pg_policy'::regclass, 'pg_catalog.pg_trigger'::regclass, 'pg_catalog.pg_rewrite'::regclass)
                THEN (pg_catalog.pg_identify_object_as_address(command.classid, command.objid, command.objsubid)).object_names[1]
            WHEN command.classid = 'pg_catalog.pg_namespace'::regclass THEN command.object_identity
        END);
        CONTINUE WHEN schema IS NULL OR schema = ANY (allowed) OR schema LIKE 'pg\_temp%' OR schema = 'pg_toast';
        RAISE EXCEPTION '% % changes schema %, outside the schemas this migration may change (%)',
            command.command_tag, command.object_identity, schema, pg_catalog.array_to_string(allowed, ', ')
            USING HINT = pg_catalog.format('Keep the app''s objects in its schema, or allow this one explicitly with a comment '
                || '"-- ci-migrate:allow-schema %s <reason>" in the file.', schema),
                  ERRCODE = 'insufficient_privilege';
    END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION ci_migrate.guard_drop() RETURNS event_trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    allowed text[] := pg_catalog.string_to_array(nullif(pg_catalog.current_setting('ci_migrate.guard_schemas', true), ''), ',');
    dropped record;
    schema text;
BEGIN
    IF allowed IS NULL THEN
        RETURN;
    END IF;
    -- Only what the statement named (original) or CASCADE took along (normal): the internal parts of an app's own
    -- object (its row type, TOAST table, the foreign-key triggers on the table it references) are not a choice.
    FOR dropped IN SELECT * FROM pg_catalog.pg_event_trigger_dropped_objects() WHERE (original OR normal) AND NOT is_temporary LOOP
        -- A dropped rule or policy reports no schema: theirs is their table's, the first of their address.
        schema := coalesce(dropped.schema_name, CASE WHEN dropped.object_type IN ('rule', 'policy', 'trigger')
            THEN dropped.address_names[1] END);
        CONTINUE WHEN schema IS NULL OR schema = ANY (allowed) OR schema = 'pg_toast';
        RAISE EXCEPTION 'DROP of % % in schema %, outside the schemas this migration may change (%)',
            dropped.object_type, dropped.object_identity, schema, pg_catalog.array_to_string(allowed, ', ')
            USING HINT = pg_catalog.format('Another app''s objects are never a migration''s to drop; allow schema %s explicitly '
                || 'with a comment "-- ci-migrate:allow-schema %s <reason>" only if it is really meant.', schema, schema),
                  ERRCODE = 'insufficient_privilege';
    END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION ci_migrate.guard_ledger() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF nullif(pg_catalog.current_setting('ci_migrate.guard_schemas', true), '') IS NOT NULL THEN
        RAISE EXCEPTION '% on %.% by a migration: the ledger is ci-migrate''s own', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
            USING HINT = 'Use ci-migrate repair or baseline to change the history.', ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END
$$;
