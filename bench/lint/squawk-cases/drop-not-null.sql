-- ours: set-not-null
-- squawk: adding-not-nullable-field
-- expect: pass
ALTER TABLE t ALTER COLUMN c DROP NOT NULL;
