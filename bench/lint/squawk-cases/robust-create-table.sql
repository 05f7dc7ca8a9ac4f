-- ours: create-if-not-exists
-- squawk: prefer-robust-stmts
-- expect: flag
CREATE TABLE fresh (id bigint);
