-- ours: changing-column-type
-- squawk: changing-column-type
-- expect: flag
ALTER TABLE t ALTER COLUMN c TYPE bigint;
