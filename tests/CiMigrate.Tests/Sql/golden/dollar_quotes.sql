-- $$ bodies hide semicolons; a different tag nests inside; $1 is a parameter, a$b an identifier.
CREATE FUNCTION add_one(integer) RETURNS integer AS $$ SELECT $1 + 1; $$ LANGUAGE sql;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    PERFORM $q$ it's; $$ not the end $$ $q$;
    NEW.updated_at := now();
    RETURN NEW;
END;
$body$;
SELECT a$b, $_$;$_$ AS weird FROM (SELECT 1 AS a$b) t;
SELECT $Tag_1$ $tag_1$ is a different tag; $Tag_1$;
PREPARE p(int) AS SELECT $1::text;
