SELECT 1;
SELECT E'ends with backslash quote\';
