-- ours: require-concurrent-index
-- squawk: require-concurrent-index-creation
-- expect: pass
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_t_a ON t (a);
