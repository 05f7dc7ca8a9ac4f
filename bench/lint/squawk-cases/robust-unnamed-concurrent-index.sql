-- ours: create-if-not-exists
-- squawk: prefer-robust-stmts
-- expect: pass
CREATE INDEX CONCURRENTLY ON t (a);
