-- ours: require-lock-timeout
-- squawk: require-lock-timeout
-- expect: flag
ALTER TABLE t ADD COLUMN IF NOT EXISTS c text;
