-- A trusted-language extension registered through pg_tle.
create extension if not exists pg_tle;
select pgtle.install_extension('greeting', '1.0', 'says hello', $_pg_tle_$ create function hello() returns text language sql as 'select 1'; $_pg_tle_$);
select name from pgtle.available_extensions();
