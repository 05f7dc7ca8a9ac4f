-- The schema guard: PostgreSQL itself stops a migration that reaches outside its app's schema or touches the
-- ledger, whatever lint could read. ci-migrate opens the guard in each migration's transaction (guard_open) with the
-- schemas the file may change (the app's own, plus each `-- ci-migrate:allow-schema <schema> <reason>`), and closes
-- it before it writes the ledger row (guard_close). Outside an open guard every function here returns at once, so
-- other sessions of the shared database (other apps, Supabase itself) pay one setting look-up per DDL command.
--
-- Every function an event trigger calls is self-contained: the trigger fires as whatever role runs the DDL (a
-- migration under SET ROLE too), which has no rights in schema ci_migrate.
--
-- The event triggers that call guard_ddl and guard_drop need a superuser (or, on Supabase, supautils' privileged
-- role): ci-migrate creates them at run time when it may (SchemaGuardInstaller), and reports when it may not. The
-- ledger trigger below needs only the ledger's owner.

-- Opens the guard: locally to the transaction when there is one (is_local), else for the session until closed.
CREATE FUNCTION ci_migrate.guard_open(schemas text[], is_local boolean) RETURNS void
LANGUAGE sql AS $$
    SELECT set_config('ci_migrate.guard_schemas', array_to_string(schemas, ','), is_local),
           set_config('ci_migrate.guard_token', md5(array_to_string(schemas, ',') || pg_backend_pid()), is_local)
$$;

-- Closes the guard, and fails the migration if the migration changed the guard's settings itself.
CREATE FUNCTION ci_migrate.guard_close() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('ci_migrate.guard_token', true), '')
        IS DISTINCT FROM md5(coalesce(current_setting('ci_migrate.guard_schemas', true), '') || pg_backend_pid()) THEN
        RAISE EXCEPTION 'the migration changed the settings of ci-migrate''s schema guard (ci_migrate.guard_*)'
            USING HINT = 'Migrations must not set ci_migrate.* settings.';
    END IF;
    PERFORM set_config('ci_migrate.guard_schemas', '', false), set_config('ci_migrate.guard_token', '', false);
END
$$;

CREATE FUNCTION ci_migrate.guard_ddl() RETURNS event_trigger
LANGUAGE plpgsql AS $$
DECLARE
    allowed text[] := string_to_array(nullif(current_setting('ci_migrate.guard_schemas', true), ''), ',');
    command record;
    schema text;
BEGIN
    IF allowed IS NULL THEN
        RETURN;
    END IF;
    FOR command IN SELECT * FROM pg_event_trigger_ddl_commands() LOOP
        CONTINUE WHEN command.in_extension;
        -- Policies report no schema: theirs is their table's.
        schema := coalesce(command.schema_name, CASE command.classid
            WHEN 'pg_policy'::regclass THEN (SELECT n.nspname FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace WHERE p.oid = command.objid)
            WHEN 'pg_namespace'::regclass THEN command.object_identity
        END);
        CONTINUE WHEN schema IS NULL OR schema = ANY (allowed) OR schema LIKE 'pg\_temp%' OR schema = 'pg_toast';
        RAISE EXCEPTION '% % changes schema %, outside the schemas this migration may change (%)',
            command.command_tag, command.object_identity, schema, array_to_string(allowed, ', ')
            USING HINT = format('Keep the app''s objects in its schema, or allow this one explicitly with a comment '
                || '"-- ci-migrate:allow-schema %s <reason>" in the file.', schema),
                  ERRCODE = 'insufficient_privilege';
    END LOOP;
END
$$;

CREATE FUNCTION ci_migrate.guard_drop() RETURNS event_trigger
LANGUAGE plpgsql AS $$
DECLARE
    allowed text[] := string_to_array(nullif(current_setting('ci_migrate.guard_schemas', true), ''), ',');
    dropped record;
BEGIN
    IF allowed IS NULL THEN
        RETURN;
    END IF;
    -- Only what the statement named (original) or CASCADE took along (normal): the internal parts of an app's own
    -- object (its row type, TOAST table, the foreign-key triggers on the table it references) are not a choice.
    FOR dropped IN SELECT * FROM pg_event_trigger_dropped_objects() WHERE (original OR normal) AND NOT is_temporary LOOP
        CONTINUE WHEN dropped.schema_name IS NULL OR dropped.schema_name = ANY (allowed) OR dropped.schema_name = 'pg_toast';
        RAISE EXCEPTION 'DROP of % % in schema %, outside the schemas this migration may change (%)',
            dropped.object_type, dropped.object_identity, dropped.schema_name, array_to_string(allowed, ', ')
            USING HINT = format('Another app''s objects are never a migration''s to drop; allow schema %s explicitly '
                || 'with a comment "-- ci-migrate:allow-schema %s <reason>" only if it is really meant.',
                dropped.schema_name, dropped.schema_name),
                  ERRCODE = 'insufficient_privilege';
    END LOOP;
END
$$;

-- The ledger is ci-migrate's to write: a migration that changes it (even through dynamic SQL) is stopped. ENABLE
-- ALWAYS: the trigger fires under session_replication_role = replica too.
CREATE FUNCTION ci_migrate.guard_ledger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF nullif(current_setting('ci_migrate.guard_schemas', true), '') IS NOT NULL THEN
        RAISE EXCEPTION '% on %.% by a migration: the ledger is ci-migrate''s own', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
            USING HINT = 'Use ci-migrate repair or baseline to change the history.', ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER guard_ledger BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON ci_migrate.applied_migrations
    FOR EACH STATEMENT EXECUTE FUNCTION ci_migrate.guard_ledger();
CREATE TRIGGER guard_ledger BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON ci_migrate.events
    FOR EACH STATEMENT EXECUTE FUNCTION ci_migrate.guard_ledger();
ALTER TABLE ci_migrate.applied_migrations ENABLE ALWAYS TRIGGER guard_ledger;
ALTER TABLE ci_migrate.events ENABLE ALWAYS TRIGGER guard_ledger;
