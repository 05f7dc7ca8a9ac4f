SET search_path TO app;
SELECT 1;
