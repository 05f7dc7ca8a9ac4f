-- ours: adding-volatile-default
-- squawk: adding-field-with-default
-- expect: flag
ALTER TABLE t ADD COLUMN IF NOT EXISTS c double precision DEFAULT random();
