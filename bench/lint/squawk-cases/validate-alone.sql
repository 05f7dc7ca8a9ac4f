-- ours: constraint-missing-not-valid
-- squawk: constraint-missing-not-valid
-- expect: pass
ALTER TABLE t VALIDATE CONSTRAINT t_u_fk;
