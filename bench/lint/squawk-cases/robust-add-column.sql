-- ours: add-column-if-not-exists
-- squawk: prefer-robust-stmts
-- expect: flag
ALTER TABLE t ADD COLUMN c text;
