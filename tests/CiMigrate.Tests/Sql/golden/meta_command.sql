SET search_path TO app;
\i other.sql
SELECT 1;
