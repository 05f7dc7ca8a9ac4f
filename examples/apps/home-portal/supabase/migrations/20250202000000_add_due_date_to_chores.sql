SET search_path TO home_portal;

-- Chores get an optional due date; the dashboard sorts open chores by it.
ALTER TABLE chores
    ADD COLUMN IF NOT EXISTS due_on DATE;

-- ci-migrate:ignore require-concurrent-index chores holds a few rows per household: the build takes milliseconds
CREATE INDEX IF NOT EXISTS idx_chores_due_open ON chores(household_id, due_on) WHERE done_at IS NULL;
