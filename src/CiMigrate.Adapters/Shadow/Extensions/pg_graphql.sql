-- ci-migrate stand-in for pg_graphql 1.5 (supabase/pg_graphql): signatures as in its sql/*.sql and src/lib.rs.
-- Covers: the graphql schema, graphql.resolve, graphql._internal_resolve, graphql.comment_directive,
-- graphql.exception, graphql.get_schema_version and its sequence, so functions wrapping graphql.resolve
-- (Supabase's graphql_public.graphql) and COMMENT ON ... IS '@graphql(...)' directives replay.
-- Does not cover: answering queries (resolve returns a GraphQL error saying so) and the event triggers that
-- count schema versions.
-- control: default_version = '1.5.11'
-- control: relocatable = false
-- control: superuser = true
-- control: schema = 'graphql'

CREATE SEQUENCE IF NOT EXISTS graphql.seq_schema_version AS int CYCLE;

CREATE FUNCTION graphql.get_schema_version() RETURNS int SECURITY DEFINER LANGUAGE sql
    AS $$ SELECT last_value FROM graphql.seq_schema_version $$;

CREATE FUNCTION graphql.exception(message text) RETURNS text LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION USING ERRCODE = '22000', MESSAGE = message; END $$;

CREATE FUNCTION graphql.comment_directive(comment_ text) RETURNS jsonb LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE WHEN comment_ ~ '^\s*@graphql\(.*\)' THEN substring(comment_ FROM '^\s*@graphql\((.*)\)')::jsonb ELSE '{}'::jsonb END $$;

CREATE FUNCTION graphql._internal_resolve("query" text, "variables" jsonb DEFAULT '{}', "operationName" text DEFAULT NULL,
    "extensions" jsonb DEFAULT NULL) RETURNS jsonb LANGUAGE sql
    AS $$ SELECT jsonb_build_object('data', NULL, 'errors', jsonb_build_array(jsonb_build_object('message',
              'pg_graphql is a ci-migrate stand-in on this shadow database: queries are not answered'))) $$;

CREATE FUNCTION graphql.resolve("query" text, "variables" jsonb DEFAULT '{}', "operationName" text DEFAULT NULL,
    "extensions" jsonb DEFAULT NULL) RETURNS jsonb LANGUAGE sql
    AS $$ SELECT graphql._internal_resolve("query", "variables", "operationName", "extensions") $$;
