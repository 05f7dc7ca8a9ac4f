-- ours: drop-database
-- squawk: ban-drop-database
-- expect: flag
DROP DATABASE IF EXISTS legacy;
