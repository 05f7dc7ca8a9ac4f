-- ours: create-if-not-exists
-- squawk: prefer-robust-stmts
-- expect: pass
CREATE TABLE IF NOT EXISTS fresh (id bigint);
