SELECT 1;
  /* open /* nested */ never closed;
SELECT 2;
