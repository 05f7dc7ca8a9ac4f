SET search_path TO money_tracker;

-- Deliberately unsafe, for the lint demo (ci-migrate lint --migrations examples/unsafe/money-tracker).
-- Every statement below runs, and every one is a mistake the runbook warns about.

-- Locks writes to transactions for the whole build: no CONCURRENTLY.
CREATE INDEX idx_transactions_description ON transactions(description);

-- Fails on a table with rows, and takes an exclusive lock either way: NOT NULL without a default.
ALTER TABLE transactions ADD COLUMN reviewed BOOLEAN NOT NULL;

-- Drops data the app still reads, with no BREAKING CHANGE note.
ALTER TABLE transactions DROP COLUMN merchant;

-- Anyone signed in may edit anyone's account.
DROP POLICY IF EXISTS "Anyone can edit accounts" ON accounts;
CREATE POLICY "Anyone can edit accounts" ON accounts
    FOR UPDATE USING (true);

-- A new table without row level security and without grants: invisible to the API, or open once granted.
CREATE TABLE IF NOT EXISTS import_logs (
    id BIGSERIAL PRIMARY KEY,
    file_name TEXT,
    imported_at TIMESTAMPTZ DEFAULT NOW()
);

-- Empties category_mappings and, through CASCADE, every table referencing it.
TRUNCATE category_mappings CASCADE;

-- Rewrites every row of every user.
UPDATE categories SET color = '#000000';
