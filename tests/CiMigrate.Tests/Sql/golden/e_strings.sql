SELECT E'it\'s; fine';
SELECT E'\\';
SELECT e'a\\'';'' b';
SELECT 'plain \' ;
SELECT 'doubled '' quote; still in';
