-- Short public ids derived from serial ids.
create extension if not exists pg_hashids with schema extensions;
create table public.links (
  id bigserial primary key,
  slug text generated always as (extensions.id_encode(id, 'salt', 8)) stored
);
insert into public.links default values;
