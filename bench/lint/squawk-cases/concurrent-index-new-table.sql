-- ours: require-concurrent-index
-- squawk: require-concurrent-index-creation
-- expect: pass
-- squawk-args: --assume-in-transaction
CREATE TABLE IF NOT EXISTS fresh (id bigint, a text);
CREATE INDEX IF NOT EXISTS idx_fresh_a ON fresh (a);
