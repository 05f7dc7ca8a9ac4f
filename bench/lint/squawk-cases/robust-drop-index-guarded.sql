-- ours: drop-if-exists
-- squawk: prefer-robust-stmts
-- expect: pass
DROP INDEX CONCURRENTLY IF EXISTS t_a_idx;
