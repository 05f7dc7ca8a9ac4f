-- A nightly clean-up job, scheduled by name (and scheduled again: pg_cron replaces a job of the same name).
create extension if not exists pg_cron with schema pg_catalog;
grant usage on schema cron to postgres;
create table public.sessions (id uuid primary key default gen_random_uuid(), expires_at timestamptz not null);
select cron.schedule('purge-sessions', '0 3 * * *', $$delete from public.sessions where expires_at < now()$$);
select cron.schedule('purge-sessions', '30 3 * * *', $$delete from public.sessions where expires_at < now()$$);
select cron.unschedule('purge-sessions');
