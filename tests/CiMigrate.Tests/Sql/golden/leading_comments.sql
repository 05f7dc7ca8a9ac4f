-- File header: belongs to the first statement.
SET search_path TO money_tracker;

-- BREAKING CHANGE: drops a column clients read.
-- ci-migrate:ignore ban-drop-column
ALTER TABLE budgets DROP COLUMN legacy; -- approved by the owner
/* block comment before the next statement */
DROP TABLE IF EXISTS old_budgets; /* trailing block */ -- and a line

-- leads nothing: at the end of the file
