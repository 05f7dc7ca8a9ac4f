-- ci-migrate stand-in for http 1.6 (pramsey/pgsql-http): signatures as in its http--1.7.sql (1.6 has the same).
-- Covers: the domains http_method and content_type, the types http_header, http_response and http_request, and
-- http, http_get, http_post, http_put, http_patch, http_delete, http_head, http_header, http_headers, urlencode,
-- text_to_bytea, bytea_to_text and the curlopt functions, in the schema the extension is created in, so functions
-- and triggers calling them replay, and http_header(s), urlencode and the byte conversions work.
-- Does not cover: requests. Calling http() or one of its verbs raises, naming the stand-in: a migration that makes
-- a request while it runs must be replayed on a real server (a scratch shadow).
-- control: default_version = '1.6'
-- control: relocatable = false

CREATE DOMAIN @extschema@.http_method AS text;
CREATE DOMAIN @extschema@.content_type AS text CHECK (VALUE ~ '^\S+\/\S+');
CREATE TYPE @extschema@.http_header AS (field varchar, value varchar);
CREATE TYPE @extschema@.http_response AS (status integer, content_type varchar, headers @extschema@.http_header[], content varchar);
CREATE TYPE @extschema@.http_request AS (method @extschema@.http_method, uri varchar, headers @extschema@.http_header[],
    content_type varchar, content varchar);

CREATE FUNCTION @extschema@.http_set_curlopt(curlopt varchar, value varchar) RETURNS boolean LANGUAGE sql AS $$ SELECT true $$;
CREATE FUNCTION @extschema@.http_reset_curlopt() RETURNS boolean LANGUAGE sql AS $$ SELECT true $$;
CREATE FUNCTION @extschema@.http_list_curlopt() RETURNS TABLE (curlopt text, value text) LANGUAGE sql
    AS $$ SELECT NULL::text, NULL::text WHERE false $$;

CREATE FUNCTION @extschema@.http_header(field varchar, value varchar) RETURNS @extschema@.http_header LANGUAGE sql
    AS $$ SELECT $1, $2 $$;

CREATE FUNCTION @extschema@.http(request @extschema@.http_request) RETURNS @extschema@.http_response LANGUAGE plpgsql
    AS $$ BEGIN
        RAISE EXCEPTION 'http is a ci-migrate stand-in on this shadow database: the % request to % was not made', request.method, request.uri
            USING HINT = 'Replay on a scratch database of a server with the http extension: environments.<name>.shadow = "scratch".';
    END $$;

CREATE FUNCTION @extschema@.http_get(uri varchar) RETURNS @extschema@.http_response LANGUAGE sql
    AS $$ SELECT @extschema@.http(('GET', $1, NULL, NULL, NULL)::@extschema@.http_request) $$;
CREATE FUNCTION @extschema@.http_post(uri varchar, content varchar, content_type varchar) RETURNS @extschema@.http_response LANGUAGE sql
    AS $$ SELECT @extschema@.http(('POST', $1, NULL, $3, $2)::@extschema@.http_request) $$;
CREATE FUNCTION @extschema@.http_put(uri varchar, content varchar, content_type varchar) RETURNS @extschema@.http_response LANGUAGE sql
    AS $$ SELECT @extschema@.http(('PUT', $1, NULL, $3, $2)::@extschema@.http_request) $$;
CREATE FUNCTION @extschema@.http_patch(uri varchar, content varchar, content_type varchar) RETURNS @extschema@.http_response LANGUAGE sql
    AS $$ SELECT @extschema@.http(('PATCH', $1, NULL, $3, $2)::@extschema@.http_request) $$;
CREATE FUNCTION @extschema@.http_delete(uri varchar) RETURNS @extschema@.http_response LANGUAGE sql
    AS $$ SELECT @extschema@.http(('DELETE', $1, NULL, NULL, NULL)::@extschema@.http_request) $$;
CREATE FUNCTION @extschema@.http_delete(uri varchar, content varchar, content_type varchar) RETURNS @extschema@.http_response LANGUAGE sql
    AS $$ SELECT @extschema@.http(('DELETE', $1, NULL, $3, $2)::@extschema@.http_request) $$;
CREATE FUNCTION @extschema@.http_head(uri varchar) RETURNS @extschema@.http_response LANGUAGE sql
    AS $$ SELECT @extschema@.http(('HEAD', $1, NULL, NULL, NULL)::@extschema@.http_request) $$;

-- RFC 3986 unreserved characters stay, everything else is percent-encoded byte by byte.
CREATE FUNCTION @extschema@.urlencode(string bytea) RETURNS text LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT coalesce(string_agg(CASE WHEN b BETWEEN 48 AND 57 OR b BETWEEN 65 AND 90 OR b BETWEEN 97 AND 122 OR b IN (45, 46, 95, 126)
                                          THEN chr(b) ELSE '%' || upper(lpad(to_hex(b), 2, '0')) END, '' ORDER BY i), '')
          FROM generate_series(0, length(string) - 1) AS i, LATERAL get_byte(string, i) AS b $$;
CREATE FUNCTION @extschema@.urlencode(string varchar) RETURNS text LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT @extschema@.urlencode(convert_to(string, 'UTF8')) $$;
CREATE FUNCTION @extschema@.urlencode(data jsonb) RETURNS text LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT coalesce(string_agg(@extschema@.urlencode(key::varchar) || '=' || @extschema@.urlencode(value::varchar), '&'), '')
          FROM jsonb_each_text(data) $$;

CREATE FUNCTION @extschema@.http_get(uri varchar, data jsonb) RETURNS @extschema@.http_response LANGUAGE sql
    AS $$ SELECT @extschema@.http(('GET', $1 || '?' || @extschema@.urlencode($2), NULL, NULL, NULL)::@extschema@.http_request) $$;
CREATE FUNCTION @extschema@.http_post(uri varchar, data jsonb) RETURNS @extschema@.http_response LANGUAGE sql
    AS $$ SELECT @extschema@.http(('POST', $1, NULL, 'application/x-www-form-urlencoded', @extschema@.urlencode($2))::@extschema@.http_request) $$;

CREATE FUNCTION @extschema@.text_to_bytea(data text) RETURNS bytea LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT convert_to(data, 'UTF8') $$;
CREATE FUNCTION @extschema@.bytea_to_text(data bytea) RETURNS text LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT convert_from(data, 'UTF8') $$;

CREATE FUNCTION @extschema@.http_headers(VARIADIC args text[]) RETURNS @extschema@.http_header[] LANGUAGE plpgsql IMMUTABLE STRICT
    AS $$ BEGIN
        IF array_length(args, 1) % 2 <> 0 THEN
            RAISE EXCEPTION 'Arguments must be provided in key-value pairs';
        END IF;
        RETURN ARRAY(SELECT (args[i], args[i + 1])::@extschema@.http_header FROM generate_series(1, array_length(args, 1), 2) AS i);
    END $$;
