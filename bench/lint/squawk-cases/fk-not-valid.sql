-- ours: constraint-missing-not-valid
-- squawk: constraint-missing-not-valid
-- expect: pass
ALTER TABLE t ADD CONSTRAINT t_u_fk FOREIGN KEY (u_id) REFERENCES u (id) NOT VALID;
