-- ours: unique-constraint-without-index
-- squawk: disallowed-unique-constraint
-- expect: pass
ALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE USING INDEX t_a_idx;
