-- ours: unique-constraint-without-index
-- squawk: disallowed-unique-constraint
-- expect: flag
ALTER TABLE foo ADD COLUMN bar text CONSTRAINT foo_bar_unique UNIQUE;
