CREATE FUNCTION sign_of(x int) RETURNS text LANGUAGE sql
BEGIN ATOMIC
    SELECT CASE WHEN x > 0 THEN 'positive' WHEN x < 0 THEN 'negative' ELSE 'zero' END;
END;
CREATE OR REPLACE PROCEDURE log_it(msg text) LANGUAGE sql
BEGIN ATOMIC
    INSERT INTO log(msg) VALUES (msg);
    INSERT INTO log(msg) VALUES (msg || ';');
END;
BEGIN;
CREATE TABLE log (msg text);
COMMIT;
begin atomic_is_not_a_keyword_here;
