-- A hypertable with a retention policy.
create extension if not exists timescaledb with schema extensions;
create table public.readings (taken_at timestamptz not null, sensor int not null, value double precision);
select extensions.create_hypertable('public.readings', 'taken_at', chunk_time_interval => interval '1 day');
select extensions.add_retention_policy('public.readings', interval '30 days');
create view public.hourly as
  select extensions.time_bucket('1 hour', taken_at) as hour, sensor, avg(value) as value
  from public.readings group by 1, 2;
