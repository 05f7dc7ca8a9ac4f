-- A webhook: a trigger function posting each new row with pg_net.
create extension if not exists pg_net with schema extensions;
create table public.orders (id bigint primary key, total numeric not null);
create or replace function public.notify_order() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform net.http_post(
    url := 'https://hooks.example.com/orders',
    body := jsonb_build_object('id', new.id, 'total', new.total),
    headers := '{"Content-Type": "application/json"}'::jsonb,
    timeout_milliseconds := 2000
  );
  return new;
end;
$$;
create trigger orders_webhook after insert on public.orders for each row execute function public.notify_order();
insert into public.orders values (1, 9.5);
