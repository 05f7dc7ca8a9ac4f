-- header
SET search_path TO app;

CREATE TABLE t (
    id int
);
SELECT 'a
b';
