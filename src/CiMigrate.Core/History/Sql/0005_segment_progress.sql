-- How far a migration that runs in segments got (a file with CREATE INDEX CONCURRENTLY between other statements, its
-- own BEGIN ... COMMIT blocks, or marked -- ci-migrate:no-transaction): one row per committed segment, written in that
-- segment's transaction (right after it, for a statement that cannot run in one). The last segment writes the
-- applied_migrations row and removes these rows in its transaction, so rows here always mean "partly applied".
-- A rerun resumes after the last row, once the applied part's checksum still matches the file (Atlas' idea:
-- HistoryChangedError).

CREATE TABLE ci_migrate.segment_progress (
    app               text        NOT NULL,
    version           text        NOT NULL,
    name              text        NOT NULL,
    segment           integer     NOT NULL,
    segments          integer     NOT NULL,
    -- SHA-256 of the statements of segments 0..segment, as sent: the applied part of the file.
    applied_checksum  text        NOT NULL,
    -- SHA-256 of this segment's statements: names the segment that changed when the applied part did.
    segment_checksum  text        NOT NULL,
    lines             text        NOT NULL,
    committed_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    environment       text,
    PRIMARY KEY (app, version, segment),
    CHECK (segment >= 0 AND segment < segments)
);

-- The guard keeps migrations off the ledger: this table is part of it.
CREATE TRIGGER guard_ledger BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON ci_migrate.segment_progress
    FOR EACH STATEMENT EXECUTE FUNCTION ci_migrate.guard_ledger();
ALTER TABLE ci_migrate.segment_progress ENABLE ALWAYS TRIGGER guard_ledger;

REVOKE ALL ON ci_migrate.segment_progress FROM PUBLIC;

DO $$
DECLARE
    role_name text;
BEGIN
    FOREACH role_name IN ARRAY ARRAY['anon', 'authenticated'] LOOP
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
            EXECUTE format('REVOKE ALL ON ci_migrate.segment_progress FROM %I', role_name);
        END IF;
    END LOOP;
END
$$;
