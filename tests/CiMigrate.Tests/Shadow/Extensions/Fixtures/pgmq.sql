-- Supabase Queues: a queue made in a migration and a function that enqueues.
create extension if not exists pgmq;
select pgmq.create('emails');
create or replace function public.enqueue_email(address text) returns bigint
language sql
as $$ select * from pgmq.send('emails', jsonb_build_object('to', address)); $$;
select public.enqueue_email('someone@example.com');
