-- ours: ban-truncate-cascade
-- squawk: ban-truncate-cascade
-- expect: pass
TRUNCATE t;
