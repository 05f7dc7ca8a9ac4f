-- A CHECK constraint validating a jsonb column against a JSON schema.
create extension if not exists pg_jsonschema with schema extensions;
create table public.customer (
  id serial primary key,
  metadata jsonb,
  check (extensions.jsonb_matches_schema('{"type": "object", "properties": {"tags": {"type": "array"}}}', metadata))
);
insert into public.customer (metadata) values ('{"tags": ["vip"]}');
