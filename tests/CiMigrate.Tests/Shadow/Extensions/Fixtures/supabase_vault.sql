-- A secret kept in Vault and read back by a function.
create extension if not exists supabase_vault with schema vault;
select vault.create_secret('https://hooks.example.com', 'webhook_url', 'where to send orders');
create or replace function public.webhook_url() returns text
language sql security definer set search_path = ''
as $$ select decrypted_secret from vault.decrypted_secrets where name = 'webhook_url'; $$;
