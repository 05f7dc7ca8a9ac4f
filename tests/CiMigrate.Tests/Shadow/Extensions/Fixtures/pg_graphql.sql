-- Supabase's graphql_public wrapper and a comment directive.
create extension if not exists pg_graphql;
create schema if not exists graphql_public;
create or replace function graphql_public.graphql("operationName" text default null, query text default null,
  variables jsonb default null, extensions jsonb default null) returns jsonb
language sql
as $$ select graphql.resolve(query := query, variables := coalesce(variables, '{}'), "operationName" := "operationName", extensions := extensions); $$;
create table public.account (id int primary key);
comment on table public.account is e'@graphql({"totalCount": {"enabled": true}})';
