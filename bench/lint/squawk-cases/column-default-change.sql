-- ours: changing-column-type
-- squawk: changing-column-type
-- expect: pass
ALTER TABLE t ALTER COLUMN c SET DEFAULT 0;
