/* outer /* inner; */ still a comment; */
SELECT 1 /* inside; /* nested */ */ + 2;
-- a line comment; with a semicolon
SELECT 3 -- trailing line comment inside the statement
    + 4;
SELECT 5 */* a comment right after an operator */ 6;
