-- ours: create-if-not-exists
-- squawk: prefer-robust-stmts
-- expect: pass
CREATE TEMP TABLE scratch (id int) ON COMMIT DROP;
