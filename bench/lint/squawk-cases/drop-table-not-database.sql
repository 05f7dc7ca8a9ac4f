-- ours: drop-database
-- squawk: ban-drop-database
-- expect: pass
DROP TABLE IF EXISTS legacy;
