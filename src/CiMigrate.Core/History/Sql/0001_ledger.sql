-- The ledger of ci-migrate: which migrations of which app are applied, and an audit of everything done.
-- Runs once per database, inside the transaction that holds the ledger's global advisory lock.

CREATE TABLE ci_migrate.applied_migrations (
    app          text        NOT NULL,
    version      text        NOT NULL,
    name         text        NOT NULL,
    checksum     text        NOT NULL,
    applied_at   timestamptz NOT NULL DEFAULT now(),
    applied_by   text        NOT NULL DEFAULT current_user,
    duration_ms  integer     NOT NULL DEFAULT 0,
    environment  text,
    git_sha      text,
    run_url      text,
    approver     text,
    PRIMARY KEY (app, version)
);

CREATE TABLE ci_migrate.events (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT clock_timestamp(),
    app          text        NOT NULL,
    version      text,
    kind         text        NOT NULL,
    environment  text,
    actor        text        NOT NULL DEFAULT current_user,
    detail       text
);

CREATE INDEX events_app_at ON ci_migrate.events (app, at);

-- Append-only: an audit that can be edited is no audit. The owner could drop the trigger, but not by accident.
CREATE FUNCTION ci_migrate.events_are_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ci_migrate.events is append-only';
END
$$;

CREATE TRIGGER events_are_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON ci_migrate.events
    FOR EACH STATEMENT EXECUTE FUNCTION ci_migrate.events_are_append_only();

-- PostgREST exposes what anon and authenticated can reach: the ledger must never be among it.
REVOKE ALL ON SCHEMA ci_migrate FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA ci_migrate FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA ci_migrate FROM PUBLIC;
REVOKE ALL ON FUNCTION ci_migrate.events_are_append_only() FROM PUBLIC;

DO $$
DECLARE
    role_name text;
BEGIN
    FOREACH role_name IN ARRAY ARRAY['anon', 'authenticated'] LOOP
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
            EXECUTE format('REVOKE ALL ON SCHEMA ci_migrate FROM %I', role_name);
            EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA ci_migrate FROM %I', role_name);
            EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA ci_migrate FROM %I', role_name);
        END IF;
    END LOOP;
END
$$;
