-- ours: unique-constraint-without-index
-- squawk: disallowed-unique-constraint
-- expect: flag
ALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE (a);
