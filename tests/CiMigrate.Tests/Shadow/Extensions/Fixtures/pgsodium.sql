-- pgsodium's key table and a hash, as older Supabase projects used it.
create extension if not exists pgsodium;
select pgsodium.create_key(name => 'app_key');
create table public.api_tokens (id bigint primary key, token_hash bytea not null);
create or replace function public.hash_token(token text) returns bytea
language sql immutable
as $$ select pgsodium.crypto_hash_sha256(convert_to(token, 'utf8')); $$;
