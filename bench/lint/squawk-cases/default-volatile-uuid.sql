-- ours: adding-volatile-default
-- squawk: adding-field-with-default
-- expect: flag
ALTER TABLE t ADD COLUMN IF NOT EXISTS c uuid DEFAULT gen_random_uuid();
