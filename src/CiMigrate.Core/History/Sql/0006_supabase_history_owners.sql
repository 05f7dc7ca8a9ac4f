-- Which rows of the Supabase CLI's history (supabase_migrations.schema_migrations) ci-migrate wrote, and for which app.
-- That table's key is the version alone: on a database shared by several apps a version can be another app's, or a
-- row another tool wrote. Rollback removes a row only when it is listed here for the app rolled back.

CREATE TABLE ci_migrate.supabase_history_rows (
    version     text        PRIMARY KEY,
    app         text        NOT NULL,
    name        text        NOT NULL,
    written_at  timestamptz NOT NULL DEFAULT now()
);

REVOKE ALL ON ci_migrate.supabase_history_rows FROM PUBLIC;

-- Rows mirrored before this table existed: a version and name that exactly one app's ledger holds was that app's.
-- A login without USAGE on supabase_migrations (a fresh project's schema belongs to postgres) has nothing to backfill:
-- to_regclass itself would fail on the schema, so the schema's privilege is asked first, on its own.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_namespace WHERE nspname = 'supabase_migrations' AND has_schema_privilege(oid, 'USAGE')) THEN
        RETURN;
    END IF;
    IF to_regclass('supabase_migrations.schema_migrations') IS NOT NULL
       AND has_table_privilege(to_regclass('supabase_migrations.schema_migrations'), 'SELECT') THEN
        INSERT INTO ci_migrate.supabase_history_rows (version, app, name)
        SELECT s.version, min(a.app), s.name
        FROM supabase_migrations.schema_migrations s
        JOIN ci_migrate.applied_migrations a ON a.version = s.version AND a.name = s.name
        GROUP BY s.version, s.name
        HAVING count(*) = 1;
    END IF;
END
$$;
