-- ci-migrate stand-in for pg_jsonschema 0.3 (supabase/pg_jsonschema): signatures as in its src/lib.rs.
-- Covers: json_matches_schema(json, json), jsonb_matches_schema(json, jsonb), jsonschema_is_valid(json) and
-- jsonschema_validation_errors(json, json), in the schema the extension is created in, so CHECK constraints and
-- functions using them replay.
-- Does not cover: validation. Every instance matches and every schema is valid: rows a real pg_jsonschema would
-- reject are accepted on this shadow.
-- control: default_version = '0.3.3'
-- control: relocatable = false
-- control: superuser = true

CREATE FUNCTION @extschema@.json_matches_schema(schema json, instance json) RETURNS bool IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql
    AS $$ SELECT true $$;
CREATE FUNCTION @extschema@.jsonb_matches_schema(schema json, instance jsonb) RETURNS bool IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql
    AS $$ SELECT true $$;
CREATE FUNCTION @extschema@.jsonschema_is_valid(schema json) RETURNS bool IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql
    AS $$ SELECT true $$;
CREATE FUNCTION @extschema@.jsonschema_validation_errors(schema json, instance json) RETURNS text[] IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql
    AS $$ SELECT '{}'::text[] $$;
