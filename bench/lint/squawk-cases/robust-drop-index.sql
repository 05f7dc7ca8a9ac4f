-- ours: drop-if-exists
-- squawk: prefer-robust-stmts
-- expect: flag
DROP INDEX CONCURRENTLY t_a_idx;
