-- Torture: every lexical corner in one file that PostgreSQL 15 runs statement by statement.
-- PostgresSplitTests sends each statement alone (extended protocol: exactly one command each).
SET search_path TO public;
CREATE SCHEMA IF NOT EXISTS "Torture ""Schema""";
CREATE TABLE IF NOT EXISTS "Torture ""Schema""".items (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "Label;" text NOT NULL DEFAULT 'semi;colon', -- a comment; with a semicolon
    note text DEFAULT E'it\'s /* not a comment */', /* block; /* nested; */ still; */
    price numeric(10, 2) CHECK (price >= 0)
);
INSERT INTO "Torture ""Schema""".items ("Label;", note, price)
VALUES ('a''b;', $$dollar; 'quoted'$$, 1.5), (U&'\0041;', $x$ $$ nested $$ $x$, .5e1), (N'n;', e'\\', 2.);
CREATE FUNCTION "Torture ""Schema""".plus(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE
AS $fn$ SELECT a + b; $fn$;
CREATE OR REPLACE FUNCTION "Torture ""Schema""".touch() RETURNS trigger LANGUAGE plpgsql AS $body$
DECLARE
    msg text := $inner$;$inner$;
BEGIN
    -- a comment; inside a body
    IF TG_OP = 'INSERT' THEN
        NEW.note := coalesce(NEW.note, 'none;') || msg;
    END IF;
    RETURN NEW;
END;
$body$;
CREATE TRIGGER items_touch BEFORE INSERT ON "Torture ""Schema""".items
    FOR EACH ROW EXECUTE FUNCTION "Torture ""Schema""".touch();
CREATE FUNCTION "Torture ""Schema""".sign_of(x int) RETURNS text LANGUAGE sql
BEGIN ATOMIC
    SELECT CASE WHEN x > 0 THEN 'positive;' WHEN x < 0 THEN 'negative' ELSE 'zero' END;
END;
create or replace procedure "Torture ""Schema""".add_item(label text) language sql
begin atomic
    insert into "Torture ""Schema""".items ("Label;", price) values (label, 0);
    insert into "Torture ""Schema""".items ("Label;", price) values (label || ';', 0);
end;
CALL "Torture ""Schema""".add_item('x;y');
PREPARE by_price(numeric) AS SELECT count(*) FROM "Torture ""Schema""".items WHERE price > $1;
EXECUTE by_price(0);
DEALLOCATE by_price;
SELECT a$b, a$b$ FROM (SELECT 1 AS a$b, 2 AS a$b$) AS t;
SELECT B'1010' | B'0101', X'FF', U&'d!0061t!+000061' UESCAPE '!', U&"d\0061t\+000061" FROM (SELECT 1 AS data) AS d;
SELECT 'one'
    'two' AS continued;
DO $$ BEGIN RAISE NOTICE 'semi; colon %', 1; END $$;
DO LANGUAGE plpgsql $do$ BEGIN PERFORM 1; END $do$;
COMMENT ON TABLE "Torture ""Schema""".items IS 'items; with a comment';
CREATE VIEW "Torture ""Schema""".cheap AS
    SELECT * FROM "Torture ""Schema""".items WHERE price < 10 /* cheap; */;
WITH moved AS (DELETE FROM "Torture ""Schema""".items WHERE price > 100 RETURNING *)
SELECT count(*) FROM moved;
SELECT 1 /* /* nested */ ; */ + 1;
SELECT ';' AS "semi;colon", $$;$$ AS dollar, E'\\' AS backslash, 3::text, '{1,2}'::int[] @> ARRAY[1];
SELECT 2 */* a comment right after an operator */ 3;
SELECT 10 - -- minus, then a comment
    1;
BEGIN;
SAVEPOINT s1;
ROLLBACK TO SAVEPOINT s1;
COMMIT;
ALTER TABLE "Torture ""Schema""".items ADD COLUMN IF NOT EXISTS extra text, ALTER COLUMN note SET DEFAULT 'n;';
CREATE INDEX IF NOT EXISTS items_label ON "Torture ""Schema""".items ("Label;");
ALTER TABLE "Torture ""Schema""".items ENABLE ROW LEVEL SECURITY;
CREATE POLICY "read; all" ON "Torture ""Schema""".items FOR SELECT USING (true);
SELECT 1 AS "naïve", 'héllo 🐘;' AS "élé;phant";;;
SELECT "Torture ""Schema""".sign_of(-3)
