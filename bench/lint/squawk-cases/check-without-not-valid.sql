-- ours: constraint-missing-not-valid
-- squawk: constraint-missing-not-valid
-- expect: flag
ALTER TABLE t ADD CONSTRAINT t_c_positive CHECK (c > 0);
