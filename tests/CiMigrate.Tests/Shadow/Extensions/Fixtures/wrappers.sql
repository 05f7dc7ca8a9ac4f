-- A Stripe foreign table through Supabase Wrappers.
create extension if not exists wrappers with schema extensions;
create foreign data wrapper stripe_wrapper handler extensions.stripe_fdw_handler validator extensions.stripe_fdw_validator;
create server stripe_server foreign data wrapper stripe_wrapper options (api_key_id 'a-vault-secret-id', api_url 'https://api.stripe.com/v1/');
create schema if not exists stripe;
create foreign table stripe.customers (id text, email text, name text, attrs jsonb)
  server stripe_server options (object 'customers', rowid_column 'id');
