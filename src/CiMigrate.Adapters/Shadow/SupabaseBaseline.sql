-- The part of a Supabase database that app migrations lean on, so they run on a plain PostgreSQL 15:
-- the API roles, auth.users and the auth.*() helpers, minimal storage tables, the extensions schema, and the
-- Supabase CLI's history table. Modelled on supabase/postgres (migrations/db/init-scripts) and supabase/auth.
-- Idempotent: it runs on a fresh scratch database, on a template, and again on a database that has it.

-- Roles are cluster-wide: create them only where missing, so this also runs on a server that has them
-- (a real Supabase, or a second scratch database on the same server).
DO $roles$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'anon') THEN
        CREATE ROLE anon NOLOGIN NOINHERIT;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'authenticated') THEN
        CREATE ROLE authenticated NOLOGIN NOINHERIT;
    END IF;
    -- service_role bypasses row level security: the key the backend uses.
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'service_role') THEN
        CREATE ROLE service_role NOLOGIN NOINHERIT BYPASSRLS;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'supabase_admin') THEN
        CREATE ROLE supabase_admin NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'supabase_auth_admin') THEN
        CREATE ROLE supabase_auth_admin NOLOGIN NOINHERIT;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'supabase_storage_admin') THEN
        CREATE ROLE supabase_storage_admin NOLOGIN NOINHERIT;
    END IF;
    -- PostgREST logs in as authenticator and switches to the role named in the JWT.
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'authenticator') THEN
        CREATE ROLE authenticator LOGIN NOINHERIT;
        GRANT anon, authenticated, service_role TO authenticator;
    END IF;
END
$roles$;

-- Extensions live in their own schema, as on Supabase.
CREATE SCHEMA IF NOT EXISTS extensions;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions;
GRANT USAGE ON SCHEMA extensions TO postgres, anon, authenticated, service_role;

-- Supabase installs Vault and pg_graphql in every project, so migrations use vault.* and graphql.* without creating
-- them (and dumps repeat CREATE EXTENSION ... WITH SCHEMA vault). Where the server offers them: on the throwaway
-- shadow these are ci-migrate stand-ins (Shadow/Extensions/).
DO $preinstalled$
BEGIN
    IF EXISTS (SELECT FROM pg_available_extensions WHERE name = 'supabase_vault') THEN
        CREATE SCHEMA IF NOT EXISTS vault;
        CREATE EXTENSION IF NOT EXISTS supabase_vault WITH SCHEMA vault;
    END IF;
    IF EXISTS (SELECT FROM pg_available_extensions WHERE name = 'pg_graphql') THEN
        CREATE SCHEMA IF NOT EXISTS graphql;
        CREATE EXTENSION IF NOT EXISTS pg_graphql WITH SCHEMA graphql;
    END IF;
END
$preinstalled$;

-- Supabase sets search_path = "$user", public, extensions for postgres (ALTER ROLE, cluster-wide). A database
-- setting gives the same lookup without changing a role on a server we only borrow a scratch database from.
DO $search_path$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET search_path TO "$user", public, extensions', current_database());
END
$search_path$;

GRANT USAGE ON SCHEMA public TO postgres, anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO postgres, anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON FUNCTIONS TO postgres, anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON SEQUENCES TO postgres, anon, authenticated, service_role;

-- auth: the users table that app tables reference, and the JWT helpers that policies call.
CREATE SCHEMA IF NOT EXISTS auth;
GRANT USAGE ON SCHEMA auth TO anon, authenticated, service_role;
GRANT ALL ON SCHEMA auth TO supabase_auth_admin;

CREATE TABLE IF NOT EXISTS auth.users (
    instance_id uuid,
    id uuid NOT NULL PRIMARY KEY,
    aud varchar(255),
    role varchar(255),
    email varchar(255),
    encrypted_password varchar(255),
    email_confirmed_at timestamptz,
    invited_at timestamptz,
    confirmation_token varchar(255),
    confirmation_sent_at timestamptz,
    recovery_token varchar(255),
    recovery_sent_at timestamptz,
    last_sign_in_at timestamptz,
    raw_app_meta_data jsonb,
    raw_user_meta_data jsonb,
    is_super_admin boolean,
    created_at timestamptz,
    updated_at timestamptz,
    phone text UNIQUE,
    phone_confirmed_at timestamptz,
    banned_until timestamptz,
    deleted_at timestamptz,
    is_sso_user boolean NOT NULL DEFAULT false,
    is_anonymous boolean NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS users_instance_id_idx ON auth.users (instance_id);
CREATE UNIQUE INDEX IF NOT EXISTS users_email_partial_key ON auth.users (email) WHERE is_sso_user = false;
ALTER TABLE auth.users ENABLE ROW LEVEL SECURITY;
GRANT ALL ON auth.users TO supabase_auth_admin;
COMMENT ON TABLE auth.users IS 'Auth: Stores user login data within a secure schema.';

-- PostgREST puts the verified JWT in request.jwt.claims (JSON); older versions set one setting per claim
-- (request.jwt.claim.sub, ...). Like Supabase's own functions, read the old form first and fall back to the JSON.
CREATE OR REPLACE FUNCTION auth.uid() RETURNS uuid
LANGUAGE sql STABLE
AS $$
    SELECT coalesce(
        nullif(current_setting('request.jwt.claim.sub', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'
    )::uuid
$$;

CREATE OR REPLACE FUNCTION auth.role() RETURNS text
LANGUAGE sql STABLE
AS $$
    SELECT coalesce(
        nullif(current_setting('request.jwt.claim.role', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role'
    )::text
$$;

CREATE OR REPLACE FUNCTION auth.email() RETURNS text
LANGUAGE sql STABLE
AS $$
    SELECT coalesce(
        nullif(current_setting('request.jwt.claim.email', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email'
    )::text
$$;

CREATE OR REPLACE FUNCTION auth.jwt() RETURNS jsonb
LANGUAGE sql STABLE
AS $$
    SELECT coalesce(
        nullif(current_setting('request.jwt.claim', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')
    )::jsonb
$$;

-- storage: buckets and objects, enough for bucket seeds and object policies.
CREATE SCHEMA IF NOT EXISTS storage;
GRANT USAGE ON SCHEMA storage TO postgres, anon, authenticated, service_role;
GRANT ALL ON SCHEMA storage TO supabase_storage_admin;

CREATE TABLE IF NOT EXISTS storage.buckets (
    id text NOT NULL PRIMARY KEY,
    name text NOT NULL,
    owner uuid,
    public boolean DEFAULT false,
    file_size_limit bigint,
    allowed_mime_types text[],
    created_at timestamptz DEFAULT now(),
    updated_at timestamptz DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS bname ON storage.buckets (name);
-- Columns Supabase Storage added later (owner_id replaced owner); real projects' policies use them.
ALTER TABLE storage.buckets ADD COLUMN IF NOT EXISTS owner_id text, ADD COLUMN IF NOT EXISTS avif_autodetection boolean DEFAULT false;

CREATE TABLE IF NOT EXISTS storage.objects (
    id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    bucket_id text REFERENCES storage.buckets (id),
    name text,
    owner uuid,
    metadata jsonb,
    path_tokens text[] GENERATED ALWAYS AS (string_to_array(name, '/')) STORED,
    created_at timestamptz DEFAULT now(),
    updated_at timestamptz DEFAULT now(),
    last_accessed_at timestamptz DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS bucketid_objname ON storage.objects (bucket_id, name);
ALTER TABLE storage.objects ADD COLUMN IF NOT EXISTS owner_id text, ADD COLUMN IF NOT EXISTS version text,
    ADD COLUMN IF NOT EXISTS user_metadata jsonb;
ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY;
GRANT ALL ON storage.buckets, storage.objects TO anon, authenticated, service_role, supabase_storage_admin;

-- Object policies split paths with these: (storage.foldername(name))[1] = auth.uid()::text.
CREATE OR REPLACE FUNCTION storage.foldername(name text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
    parts text[];
BEGIN
    parts := string_to_array(name, '/');
    RETURN parts[1:array_length(parts, 1) - 1];
END
$$;

CREATE OR REPLACE FUNCTION storage.filename(name text) RETURNS text
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
    parts text[];
BEGIN
    parts := string_to_array(name, '/');
    RETURN parts[array_length(parts, 1)];
END
$$;

CREATE OR REPLACE FUNCTION storage.extension(name text) RETURNS text
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
    parts text[];
BEGIN
    parts := string_to_array(storage.filename(name), '.');
    RETURN parts[array_length(parts, 1)];
END
$$;

-- The Supabase CLI's history table (supabase db push / migration up), which baseline can adopt.
CREATE SCHEMA IF NOT EXISTS supabase_migrations;
CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (
    version text NOT NULL PRIMARY KEY,
    statements text[],
    name text
);

-- Realtime: migrations add their tables with ALTER PUBLICATION supabase_realtime ADD TABLE ...
DO $publication$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_publication WHERE pubname = 'supabase_realtime') THEN
        CREATE PUBLICATION supabase_realtime;
    END IF;
END
$publication$;
