-- Signing a token in SQL with pgjwt.
create extension if not exists pgjwt with schema extensions;
create or replace function public.service_token(sub text) returns text
language sql
as $$ select extensions.sign(json_build_object('sub', sub, 'role', 'service_role'), 'not-a-real-secret'); $$;
select (extensions.verify(public.service_token('a'), 'not-a-real-secret')).valid;
