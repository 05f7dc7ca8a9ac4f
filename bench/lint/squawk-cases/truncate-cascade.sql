-- ours: ban-truncate-cascade
-- squawk: ban-truncate-cascade
-- expect: flag
TRUNCATE t CASCADE;
