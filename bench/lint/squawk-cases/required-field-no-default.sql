-- ours: adding-required-field
-- squawk: adding-required-field
-- expect: flag
ALTER TABLE t ADD COLUMN IF NOT EXISTS c bigint NOT NULL;
