-- ci-migrate stand-in for wrappers 0.5 (supabase/wrappers): the functions its #[wrappers_fdw] macro generates for
-- each foreign data wrapper, and the wrappers_fdw_stats table of its sql/bootstrap.sql.
-- Covers: <name>_fdw_handler, <name>_fdw_validator and <name>_fdw_meta for every wrapper (airtable, auth0,
-- big_query, click_house, cognito, duckdb, dynamo_db, firebase, hello_world, iceberg, logflare, mongodb, mssql,
-- mysql, redis, s3, s3_vectors, stripe, wasm) and wrappers_fdw_stats, so CREATE FOREIGN DATA WRAPPER ... HANDLER
-- stripe_fdw_handler VALIDATOR stripe_fdw_validator, CREATE SERVER and CREATE FOREIGN TABLE (with any options)
-- replay.
-- Does not cover: reaching any outside service. The handlers are postgres_fdw's, so querying a foreign table on
-- this shadow fails; the validators accept every option without checking it.
-- control: default_version = '0.5.4'
-- control: relocatable = true
-- control: superuser = false

CREATE TABLE wrappers_fdw_stats (
    fdw_name text NOT NULL PRIMARY KEY,
    create_times bigint NULL,
    rows_in bigint NULL,
    rows_out bigint NULL,
    bytes_in bigint NULL,
    bytes_out bigint NULL,
    metadata jsonb NULL,
    created_at timestamptz NOT NULL DEFAULT timezone('utc'::text, now()),
    updated_at timestamptz NOT NULL DEFAULT timezone('utc'::text, now())
);
COMMENT ON TABLE wrappers_fdw_stats IS 'Wrappers Foreign Data Wrapper statistics';

CREATE FUNCTION airtable_fdw_handler() RETURNS fdw_handler STRICT LANGUAGE c AS '$libdir/postgres_fdw', 'postgres_fdw_handler';
CREATE FUNCTION airtable_fdw_validator(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE FUNCTION airtable_fdw_meta() RETURNS TABLE (name text, version text, author text, website text) STRICT LANGUAGE sql
    AS $$ SELECT 'airtable_fdw', '0.5.4', 'Supabase', 'https://github.com/supabase/wrappers' $$;
CREATE FUNCTION auth0_fdw_handler() RETURNS fdw_handler STRICT LANGUAGE c AS '$libdir/postgres_fdw', 'postgres_fdw_handler';
CREATE FUNCTION auth0_fdw_validator(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE FUNCTION auth0_fdw_meta() RETURNS TABLE (name text, version text, author text, website text) STRICT LANGUAGE sql
    AS $$ SELECT 'auth0_fdw', '0.5.4', 'Supabase', 'https://github.com/supabase/wrappers' $$;
CREATE FUNCTION big_query_fdw_handler() RETURNS fdw_handler STRICT LANGUAGE c AS '$libdir/postgres_fdw', 'postgres_fdw_handler';
CREATE FUNCTION big_query_fdw_validator(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE FUNCTION big_query_fdw_meta() RETURNS TABLE (name text, version text, author text, website text) STRICT LANGUAGE sql
    AS $$ SELECT 'big_query_fdw', '0.5.4', 'Supabase', 'https://github.com/supabase/wrappers' $$;
CREATE FUNCTION click_house_fdw_handler() RETURNS fdw_handler STRICT LANGUAGE c AS '$libdir/postgres_fdw', 'postgres_fdw_handler';
CREATE FUNCTION click_house_fdw_validator(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE FUNCTION click_house_fdw_meta() RETURNS TABLE (name text, version text, author text, website text) STRICT LANGUAGE sql
    AS $$ SELECT 'click_house_fdw', '0.5.4', 'Supabase', 'https://github.com/supabase/wrappers' $$;
CREATE FUNCTION cognito_fdw_handler() RETURNS fdw_handler STRICT LANGUAGE c AS '$libdir/postgres_fdw', 'postgres_fdw_handler';
CREATE FUNCTION cognito_fdw_validator(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE FUNCTION cognito_fdw_meta() RETURNS TABLE (name text, version text, author text, website text) STRICT LANGUAGE sql
    AS $$ SELECT 'cognito_fdw', '0.5.4', 'Supabase', 'https://github.com/supabase/wrappers' $$;
CREATE FUNCTION duckdb_fdw_handler() RETURNS fdw_handler STRICT LANGUAGE c AS '$libdir/postgres_fdw', 'postgres_fdw_handler';
CREATE FUNCTION duckdb_fdw_validator(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE FUNCTION duckdb_fdw_meta() RETURNS TABLE (name text, version text, author text, website text) STRICT LANGUAGE sql
    AS $$ SELECT 'duckdb_fdw', '0.5.4', 'Supabase', 'https://github.com/supabase/wrappers' $$;
CREATE FUNCTION dynamo_db_fdw_handler() RETURNS fdw_handler STRICT LANGUAGE c AS '$libdir/postgres_fdw', 'postgres_fdw_handler';
CREATE FUNCTION dynamo_db_fdw_validator(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE FUNCTION dynamo_db_fdw_meta() RETURNS TABLE (name text, version text, author text, website text) STRICT LANGUAGE sql
    AS $$ SELECT 'dynamo_db_fdw', '0.5.4', 'Supabase', 'https://github.com/supabase/wrappers' $$;
CREATE FUNCTION firebase_fdw_handler() RETURNS fdw_handler STRICT LANGUAGE c AS '$libdir/postgres_fdw', 'postgres_fdw_handler';
CREATE FUNCTION firebase_fdw_validator(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE FUNCTION firebase_fdw_meta() RETURNS TABLE (name text, version text, author text, website text) STRICT LANGUAGE sql
    AS $$ SELECT 'firebase_fdw', '0.5.4', 'Supabase', 'https://github.com/supabase/wrappers' $$;
CREATE FUNCTION hello_world_fdw_handler() RETURNS fdw_handler STRICT LANGUAGE c AS '$libdir/postgres_fdw', 'postgres_fdw_handler';
CREATE FUNCTION hello_world_fdw_validator(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE FUNCTION hello_world_fdw_meta() RETURNS TABLE (name text, version text, author text, website text) STRICT LANGUAGE sql
    AS $$ SELECT 'hello_world_fdw', '0.5.4', 'Supabase', 'https://github.com/supabase/wrappers' $$;
CREATE FUNCTION iceberg_fdw_handler() RETURNS fdw_handler STRICT LANGUAGE c AS '$libdir/postgres_fdw', 'postgres_fdw_handler';
CREATE FUNCTION iceberg_fdw_validator(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE FUNCTION iceberg_fdw_meta() RETURNS TABLE (name text, version text, author text, website text) STRICT LANGUAGE sql
    AS $$ SELECT 'iceberg_fdw', '0.5.4', 'Supabase', 'https://github.com/supabase/wrappers' $$;
CREATE FUNCTION logflare_fdw_handler() RETURNS fdw_handler STRICT LANGUAGE c AS '$libdir/postgres_fdw', 'postgres_fdw_handler';
CREATE FUNCTION logflare_fdw_validator(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE FUNCTION logflare_fdw_meta() RETURNS TABLE (name text, version text, author text, website text) STRICT LANGUAGE sql
    AS $$ SELECT 'logflare_fdw', '0.5.4', 'Supabase', 'https://github.com/supabase/wrappers' $$;
CREATE FUNCTION mongodb_fdw_handler() RETURNS fdw_handler STRICT LANGUAGE c AS '$libdir/postgres_fdw', 'postgres_fdw_handler';
CREATE FUNCTION mongodb_fdw_validator(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE FUNCTION mongodb_fdw_meta() RETURNS TABLE (name text, version text, author text, website text) STRICT LANGUAGE sql
    AS $$ SELECT 'mongodb_fdw', '0.5.4', 'Supabase', 'https://github.com/supabase/wrappers' $$;
CREATE FUNCTION mssql_fdw_handler() RETURNS fdw_handler STRICT LANGUAGE c AS '$libdir/postgres_fdw', 'postgres_fdw_handler';
CREATE FUNCTION mssql_fdw_validator(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE FUNCTION mssql_fdw_meta() RETURNS TABLE (name text, version text, author text, website text) STRICT LANGUAGE sql
    AS $$ SELECT 'mssql_fdw', '0.5.4', 'Supabase', 'https://github.com/supabase/wrappers' $$;
CREATE FUNCTION mysql_fdw_handler() RETURNS fdw_handler STRICT LANGUAGE c AS '$libdir/postgres_fdw', 'postgres_fdw_handler';
CREATE FUNCTION mysql_fdw_validator(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE FUNCTION mysql_fdw_meta() RETURNS TABLE (name text, version text, author text, website text) STRICT LANGUAGE sql
    AS $$ SELECT 'mysql_fdw', '0.5.4', 'Supabase', 'https://github.com/supabase/wrappers' $$;
CREATE FUNCTION redis_fdw_handler() RETURNS fdw_handler STRICT LANGUAGE c AS '$libdir/postgres_fdw', 'postgres_fdw_handler';
CREATE FUNCTION redis_fdw_validator(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE FUNCTION redis_fdw_meta() RETURNS TABLE (name text, version text, author text, website text) STRICT LANGUAGE sql
    AS $$ SELECT 'redis_fdw', '0.5.4', 'Supabase', 'https://github.com/supabase/wrappers' $$;
CREATE FUNCTION s3_fdw_handler() RETURNS fdw_handler STRICT LANGUAGE c AS '$libdir/postgres_fdw', 'postgres_fdw_handler';
CREATE FUNCTION s3_fdw_validator(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE FUNCTION s3_fdw_meta() RETURNS TABLE (name text, version text, author text, website text) STRICT LANGUAGE sql
    AS $$ SELECT 's3_fdw', '0.5.4', 'Supabase', 'https://github.com/supabase/wrappers' $$;
CREATE FUNCTION s3_vectors_fdw_handler() RETURNS fdw_handler STRICT LANGUAGE c AS '$libdir/postgres_fdw', 'postgres_fdw_handler';
CREATE FUNCTION s3_vectors_fdw_validator(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE FUNCTION s3_vectors_fdw_meta() RETURNS TABLE (name text, version text, author text, website text) STRICT LANGUAGE sql
    AS $$ SELECT 's3_vectors_fdw', '0.5.4', 'Supabase', 'https://github.com/supabase/wrappers' $$;
CREATE FUNCTION stripe_fdw_handler() RETURNS fdw_handler STRICT LANGUAGE c AS '$libdir/postgres_fdw', 'postgres_fdw_handler';
CREATE FUNCTION stripe_fdw_validator(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE FUNCTION stripe_fdw_meta() RETURNS TABLE (name text, version text, author text, website text) STRICT LANGUAGE sql
    AS $$ SELECT 'stripe_fdw', '0.5.4', 'Supabase', 'https://github.com/supabase/wrappers' $$;
CREATE FUNCTION wasm_fdw_handler() RETURNS fdw_handler STRICT LANGUAGE c AS '$libdir/postgres_fdw', 'postgres_fdw_handler';
CREATE FUNCTION wasm_fdw_validator(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE FUNCTION wasm_fdw_meta() RETURNS TABLE (name text, version text, author text, website text) STRICT LANGUAGE sql
    AS $$ SELECT 'wasm_fdw', '0.5.4', 'Supabase', 'https://github.com/supabase/wrappers' $$;
