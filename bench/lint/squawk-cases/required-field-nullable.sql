-- ours: adding-required-field
-- squawk: adding-required-field
-- expect: pass
ALTER TABLE t ADD COLUMN IF NOT EXISTS c bigint;
