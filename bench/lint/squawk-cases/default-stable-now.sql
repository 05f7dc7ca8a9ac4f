-- ours: adding-volatile-default
-- squawk: adding-field-with-default
-- expect: pass
ALTER TABLE t ADD COLUMN IF NOT EXISTS c timestamptz DEFAULT now();
