-- ours: require-lock-timeout
-- squawk: require-lock-timeout
-- expect: pass
SET lock_timeout = '1s';
ALTER TABLE t ADD COLUMN IF NOT EXISTS c text;
