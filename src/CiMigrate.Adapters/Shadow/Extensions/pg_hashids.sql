-- ci-migrate stand-in for pg_hashids 1.3 (iCyberon/pg_hashids): signatures as in its pg_hashids--1.3.sql.
-- Covers: id_encode, id_decode and id_decode_once (numbers and arrays, with salt, minimum length and alphabet
-- arguments) and the older hash_encode and hash_decode, so defaults, generated columns and functions using them
-- replay; decoding gives back what encoding made.
-- Does not cover: the hashids algorithm. The strings differ from real hashids (a reversible hexadecimal form,
-- padded to the minimum length), so values computed on this shadow never match the target's.
-- control: default_version = '1.3'
-- control: relocatable = true

CREATE FUNCTION id_encode(BIGINT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT id_encode(ARRAY[$1]) $$;
CREATE FUNCTION id_encode(BIGINT, TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT id_encode(ARRAY[$1], $2) $$;
CREATE FUNCTION id_encode(BIGINT, TEXT, INT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT id_encode(ARRAY[$1], $2, $3) $$;
CREATE FUNCTION id_encode(BIGINT, TEXT, INT, TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT id_encode(ARRAY[$1], $2, $3, $4) $$;
CREATE FUNCTION id_encode(BIGINT[]) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT array_to_string(ARRAY(SELECT to_hex(n) FROM unnest($1) AS n), 'x') $$;
CREATE FUNCTION id_encode(BIGINT[], TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT array_to_string(ARRAY(SELECT to_hex(n) FROM unnest($1) AS n), 'x') $$;
CREATE FUNCTION id_encode(BIGINT[], TEXT, INT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT lpad(h, greatest($3, length(h)), '0') FROM array_to_string(ARRAY(SELECT to_hex(n) FROM unnest($1) AS n), 'x') AS h $$;
CREATE FUNCTION id_encode(BIGINT[], TEXT, INT, TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT lpad(h, greatest($3, length(h)), '0') FROM array_to_string(ARRAY(SELECT to_hex(n) FROM unnest($1) AS n), 'x') AS h $$;
CREATE FUNCTION id_decode(TEXT) RETURNS BIGINT[] LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT ARRAY(SELECT ('x' || lpad(part, 16, '0'))::bit(64)::bigint FROM unnest(string_to_array(ltrim($1, '0'), 'x')) AS part WHERE part <> '') $$;
CREATE FUNCTION id_decode(TEXT, TEXT) RETURNS BIGINT[] LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT ARRAY(SELECT ('x' || lpad(part, 16, '0'))::bit(64)::bigint FROM unnest(string_to_array(ltrim($1, '0'), 'x')) AS part WHERE part <> '') $$;
CREATE FUNCTION id_decode(TEXT, TEXT, INT) RETURNS BIGINT[] LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT ARRAY(SELECT ('x' || lpad(part, 16, '0'))::bit(64)::bigint FROM unnest(string_to_array(ltrim($1, '0'), 'x')) AS part WHERE part <> '') $$;
CREATE FUNCTION id_decode(TEXT, TEXT, INT, TEXT) RETURNS BIGINT[] LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT ARRAY(SELECT ('x' || lpad(part, 16, '0'))::bit(64)::bigint FROM unnest(string_to_array(ltrim($1, '0'), 'x')) AS part WHERE part <> '') $$;
CREATE FUNCTION id_decode_once(TEXT) RETURNS BIGINT LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT (id_decode($1))[1] $$;
CREATE FUNCTION id_decode_once(TEXT, TEXT) RETURNS BIGINT LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT (id_decode($1))[1] $$;
CREATE FUNCTION id_decode_once(TEXT, TEXT, INT) RETURNS BIGINT LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT (id_decode($1))[1] $$;
CREATE FUNCTION id_decode_once(TEXT, TEXT, INT, TEXT) RETURNS BIGINT LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT (id_decode($1))[1] $$;
CREATE FUNCTION hash_encode(BIGINT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT id_encode($1) $$;
CREATE FUNCTION hash_encode(BIGINT, TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT id_encode($1, $2) $$;
CREATE FUNCTION hash_encode(BIGINT, TEXT, INT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT id_encode($1, $2, $3) $$;
CREATE FUNCTION hash_decode(TEXT, TEXT, INT) RETURNS INT LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT id_decode_once($1)::int $$;
