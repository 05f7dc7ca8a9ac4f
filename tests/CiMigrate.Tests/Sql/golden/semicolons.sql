INSERT INTO notes (body) VALUES ('a; b'), ('c;');
INSERT INTO notes (body) VALUES ('-- not a comment;'), ('/* nor this; */');
SELECT ";" FROM ";";;;
-- stray semicolons above yield no statements
SELECT (1; 2)
