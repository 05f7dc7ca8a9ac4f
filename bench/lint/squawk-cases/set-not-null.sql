-- ours: set-not-null
-- squawk: adding-not-nullable-field
-- expect: flag
ALTER TABLE t ALTER COLUMN c SET NOT NULL;
