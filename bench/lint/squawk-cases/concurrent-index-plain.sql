-- ours: require-concurrent-index
-- squawk: require-concurrent-index-creation
-- expect: flag
CREATE INDEX IF NOT EXISTS idx_t_a ON t (a);
