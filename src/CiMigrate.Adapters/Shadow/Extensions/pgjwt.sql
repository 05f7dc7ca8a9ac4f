-- ci-migrate stand-in for pgjwt 0.2.0 (michelp/pgjwt): signatures as in its pgjwt--0.2.0.sql. pgjwt is plain SQL
-- over pgcrypto, which every PostgreSQL has; it only lacks a package here, so this stand-in does the real work.
-- Covers: url_encode, url_decode, algorithm_sign, sign, try_cast_double and verify (HS256, HS384, HS512), with
-- expiry and not-before checks as in pgjwt.
-- Does not cover: nothing pgjwt itself does; like pgjwt it finds pgcrypto's hmac through the search_path.
-- control: default_version = '0.2.0'
-- control: relocatable = false
-- control: requires = pgcrypto
-- control: superuser = false

CREATE FUNCTION @extschema@.url_encode(data bytea) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT translate(encode(data, 'base64'), E'+/=\n', '-_') $$;

CREATE FUNCTION @extschema@.url_decode(data text) RETURNS bytea LANGUAGE sql IMMUTABLE
    AS $$ SELECT decode(translate(data, '-_', '+/') || repeat('=', (4 - length(data) % 4) % 4), 'base64') $$;

CREATE FUNCTION @extschema@.algorithm_sign(signables text, secret text, algorithm text) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT @extschema@.url_encode(hmac(signables, secret,
              CASE algorithm WHEN 'HS256' THEN 'sha256' WHEN 'HS384' THEN 'sha384' WHEN 'HS512' THEN 'sha512' END)) $$;

CREATE FUNCTION @extschema@.sign(payload json, secret text, algorithm text DEFAULT 'HS256') RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ WITH signables AS (
              SELECT @extschema@.url_encode(convert_to(json_build_object('alg', algorithm, 'typ', 'JWT')::text, 'utf8'))
                     || '.' || @extschema@.url_encode(convert_to(payload::text, 'utf8')) AS text)
          SELECT signables.text || '.' || @extschema@.algorithm_sign(signables.text, secret, algorithm) FROM signables $$;

CREATE FUNCTION @extschema@.try_cast_double(inp text) RETURNS double precision LANGUAGE plpgsql IMMUTABLE
    AS $$ BEGIN
        RETURN inp::double precision;
    EXCEPTION WHEN others THEN
        RETURN NULL;
    END $$;

CREATE FUNCTION @extschema@.verify(token text, secret text, algorithm text DEFAULT 'HS256')
    RETURNS TABLE (header json, payload json, valid boolean) LANGUAGE sql IMMUTABLE
    AS $$ SELECT h, p,
                 parts[3] = @extschema@.algorithm_sign(parts[1] || '.' || parts[2], secret, algorithm)
                 AND coalesce(to_timestamp(@extschema@.try_cast_double(p ->> 'exp')) > now(), true)
                 AND coalesce(to_timestamp(@extschema@.try_cast_double(p ->> 'nbf')) <= now(), true)
          FROM (SELECT string_to_array(token, '.') AS parts) AS t,
               LATERAL (SELECT convert_from(@extschema@.url_decode(parts[1]), 'utf8')::json AS h,
                               convert_from(@extschema@.url_decode(parts[2]), 'utf8')::json AS p) AS decoded $$;
