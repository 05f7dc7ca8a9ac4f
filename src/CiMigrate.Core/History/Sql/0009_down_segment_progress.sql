-- A down file runs in segments as an up file does (DROP INDEX CONCURRENTLY between other statements, its own
-- BEGIN ... COMMIT blocks, the no-transaction marker), so a rollback killed between two of them leaves the migration
-- partly rolled back: its ledger row is still there, and some of its down file ran. Those segments are recorded here
-- too, told apart by direction; the last segment of the down file removes the ledger row and these rows together.
-- A rerun of the rollback resumes after them, and apply refuses to run on top of a half-undone migration.

ALTER TABLE ci_migrate.segment_progress
    ADD COLUMN direction text NOT NULL DEFAULT 'up' CHECK (direction IN ('up', 'down'));
