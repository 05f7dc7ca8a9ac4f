-- The http extension called from a function, as projects that call an API from SQL write it.
create extension if not exists http with schema extensions;
create or replace function public.fetch_rate(currency text) returns numeric
language sql
as $$
  select ((extensions.http_get('https://api.example.com/rates?c=' || extensions.urlencode(currency))).content::jsonb ->> 'rate')::numeric;
$$;
