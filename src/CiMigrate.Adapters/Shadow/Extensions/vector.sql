-- ci-migrate stand-in for pgvector 0.8.0 (Supabase's version), after pgvector's sql/vector.sql.
-- Covers: the types vector and halfvec with their dimension modifier (vector(1536) keeps its 1536),
-- every function, operator (<->, <#>, <=>, <+>, + - * ||, comparisons), aggregate (avg, sum) and cast of pgvector
-- with its real signature; the hnsw and ivfflat index access methods with the vector_l2_ops, vector_ip_ops,
-- vector_cosine_ops, vector_l1_ops, halfvec_*_ops and bit_hamming_ops/bit_jaccard_ops classes,
-- so CREATE INDEX ... USING hnsw (embedding vector_cosine_ops) replays. Values are stored as jsonb arrays
-- ('[1,2,3]' reads as in pgvector); distances are computed in SQL, dimensions are checked against the modifier.
-- Does not cover: index behaviour (hnsw and ivfflat are hash indexes underneath: no nearest-neighbour index
-- scans, and index options such as WITH (m = 16) or WITH (lists = 100) are refused by PostgreSQL; the replay
-- leaves them out, see ShadowIndexOptions), the binary format, the sparsevec type, and pgvector's speed.
-- control: default_version = '0.8.0'
-- control: relocatable = true

-- hnsw and ivfflat: index access methods without C code of ours. They are hash indexes underneath (hashhandler):
-- a hash index keeps a 4-byte code per row, so vectors of any dimension fit, where a GiST or btree key of 1536
-- dimensions would exceed the index row limit. The operator classes carry pgvector's names; inside, each holds the
-- type's equality and a hash of its bytes.
CREATE FUNCTION ivfflathandler(internal) RETURNS index_am_handler LANGUAGE internal AS 'hashhandler';
CREATE ACCESS METHOD ivfflat TYPE INDEX HANDLER ivfflathandler;
COMMENT ON ACCESS METHOD ivfflat IS 'ivfflat index access method';
CREATE FUNCTION hnswhandler(internal) RETURNS index_am_handler LANGUAGE internal AS 'hashhandler';
CREATE ACCESS METHOD hnsw TYPE INDEX HANDLER hnswhandler;
COMMENT ON ACCESS METHOD hnsw IS 'hnsw index access method';

-- vector: jsonb underneath (same varlena layout), so jsonb's C functions read and write it.
CREATE TYPE vector;
CREATE FUNCTION vector_in(cstring, oid, integer) RETURNS vector IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'jsonb_in';
CREATE FUNCTION vector_out(vector) RETURNS cstring IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'jsonb_out';
-- bit(n)'s modifier functions: one positive integer, kept as is.
CREATE FUNCTION vector_typmod_in(cstring[]) RETURNS integer IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'bittypmodin';
CREATE FUNCTION vector_recv(internal, oid, integer) RETURNS vector IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'jsonb_recv';
CREATE FUNCTION vector_send(vector) RETURNS bytea IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'jsonb_send';
CREATE TYPE vector (
	INPUT     = vector_in,
	OUTPUT    = vector_out,
	TYPMOD_IN = vector_typmod_in,
	RECEIVE   = vector_recv,
	SEND      = vector_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE   = external
);

CREATE FUNCTION l2_distance(vector, vector) RETURNS float8 IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT sqrt(coalesce(sum((a.x::float8 - b.x::float8) ^ 2), 0)) FROM jsonb_array_elements_text($1::text::jsonb) WITH ORDINALITY a(x, i) JOIN jsonb_array_elements_text($2::text::jsonb) WITH ORDINALITY b(x, i) USING (i) $$;
CREATE FUNCTION inner_product(vector, vector) RETURNS float8 IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT coalesce(sum(a.x::float8 * b.x::float8), 0) FROM jsonb_array_elements_text($1::text::jsonb) WITH ORDINALITY a(x, i) JOIN jsonb_array_elements_text($2::text::jsonb) WITH ORDINALITY b(x, i) USING (i) $$;
CREATE FUNCTION cosine_distance(vector, vector) RETURNS float8 IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT 1 - sum(a.x::float8 * b.x::float8) / nullif(sqrt(sum(a.x::float8 ^ 2)) * sqrt(sum(b.x::float8 ^ 2)), 0) FROM jsonb_array_elements_text($1::text::jsonb) WITH ORDINALITY a(x, i) JOIN jsonb_array_elements_text($2::text::jsonb) WITH ORDINALITY b(x, i) USING (i) $$;
CREATE FUNCTION l1_distance(vector, vector) RETURNS float8 IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT coalesce(sum(abs(a.x::float8 - b.x::float8)), 0) FROM jsonb_array_elements_text($1::text::jsonb) WITH ORDINALITY a(x, i) JOIN jsonb_array_elements_text($2::text::jsonb) WITH ORDINALITY b(x, i) USING (i) $$;
CREATE FUNCTION vector_dims(vector) RETURNS integer IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT jsonb_array_length($1::text::jsonb) $$;
CREATE FUNCTION vector_norm(vector) RETURNS float8 IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT sqrt(coalesce(sum(x::float8 ^ 2), 0)) FROM jsonb_array_elements_text($1::text::jsonb) x $$;
CREATE FUNCTION l2_normalize(vector) RETURNS vector IMMUTABLE STRICT PARALLEL SAFE LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT jsonb_agg(x::float8 / nullif(n, 0) ORDER BY i) FROM jsonb_array_elements_text($1::text::jsonb) WITH ORDINALITY a(x, i), (SELECT sqrt(sum(y::float8 ^ 2)) n FROM jsonb_array_elements_text($1::text::jsonb) y) s)::text; END $$;
CREATE FUNCTION binary_quantize(vector) RETURNS bit IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT string_agg(CASE WHEN x::float8 > 0 THEN '1' ELSE '0' END, '' ORDER BY i)::bit varying::bit FROM jsonb_array_elements_text($1::text::jsonb) WITH ORDINALITY a(x, i) $$;
CREATE FUNCTION subvector(vector, int, int) RETURNS vector IMMUTABLE STRICT PARALLEL SAFE LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT jsonb_agg(x ORDER BY i) FROM jsonb_array_elements($1::text::jsonb) WITH ORDINALITY a(x, i) WHERE i >= $2 AND i < $2 + $3)::text; END $$;
CREATE FUNCTION vector_add(vector, vector) RETURNS vector IMMUTABLE STRICT PARALLEL SAFE LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT jsonb_agg(a.x::float8 + b.x::float8 ORDER BY i) FROM jsonb_array_elements_text($1::text::jsonb) WITH ORDINALITY a(x, i) JOIN jsonb_array_elements_text($2::text::jsonb) WITH ORDINALITY b(x, i) USING (i))::text; END $$;
CREATE FUNCTION vector_sub(vector, vector) RETURNS vector IMMUTABLE STRICT PARALLEL SAFE LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT jsonb_agg(a.x::float8 - b.x::float8 ORDER BY i) FROM jsonb_array_elements_text($1::text::jsonb) WITH ORDINALITY a(x, i) JOIN jsonb_array_elements_text($2::text::jsonb) WITH ORDINALITY b(x, i) USING (i))::text; END $$;
CREATE FUNCTION vector_mul(vector, vector) RETURNS vector IMMUTABLE STRICT PARALLEL SAFE LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT jsonb_agg(a.x::float8 * b.x::float8 ORDER BY i) FROM jsonb_array_elements_text($1::text::jsonb) WITH ORDINALITY a(x, i) JOIN jsonb_array_elements_text($2::text::jsonb) WITH ORDINALITY b(x, i) USING (i))::text; END $$;
CREATE FUNCTION vector_concat(vector, vector) RETURNS vector IMMUTABLE STRICT PARALLEL SAFE LANGUAGE plpgsql AS $$ BEGIN RETURN ($1::text::jsonb || $2::text::jsonb)::text; END $$;
CREATE FUNCTION vector_lt(vector, vector) RETURNS bool IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'jsonb_lt';
CREATE FUNCTION vector_le(vector, vector) RETURNS bool IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'jsonb_le';
CREATE FUNCTION vector_eq(vector, vector) RETURNS bool IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'jsonb_eq';
CREATE FUNCTION vector_ne(vector, vector) RETURNS bool IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'jsonb_ne';
CREATE FUNCTION vector_ge(vector, vector) RETURNS bool IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'jsonb_ge';
CREATE FUNCTION vector_gt(vector, vector) RETURNS bool IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'jsonb_gt';
CREATE FUNCTION vector_cmp(vector, vector) RETURNS int4 IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'jsonb_cmp';
-- For the hnsw and ivfflat stand-ins: a hash of the value's bytes.
CREATE FUNCTION vector_stand_in_hash(vector) RETURNS int4 IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'hashvarlena';
CREATE FUNCTION vector_l2_squared_distance(vector, vector) RETURNS float8 IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT l2_distance($1, $2) ^ 2 $$;
CREATE FUNCTION vector_negative_inner_product(vector, vector) RETURNS float8 IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT - inner_product($1, $2) $$;
CREATE FUNCTION vector_spherical_distance(vector, vector) RETURNS float8 IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT acos(greatest(-1, least(1, inner_product($1, $2)))) / pi() $$;
CREATE FUNCTION vector_accum(double precision[], vector) RETURNS double precision[] IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT array_prepend(coalesce($1[1], 0) + 1, array_agg(coalesce($1[i + 1], 0) + x::float8 ORDER BY i)) FROM jsonb_array_elements_text($2::text::jsonb) WITH ORDINALITY a(x, i) $$;
CREATE FUNCTION vector_avg(double precision[]) RETURNS vector IMMUTABLE STRICT PARALLEL SAFE LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT jsonb_agg(x / $1[1] ORDER BY i) FROM unnest($1[2:]) WITH ORDINALITY a(x, i))::text; END $$;
CREATE FUNCTION vector_combine(double precision[], double precision[]) RETURNS double precision[] IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT array_agg(coalesce(a, 0) + coalesce(b, 0) ORDER BY i) FROM unnest($1, $2) WITH ORDINALITY u(a, b, i) $$;
CREATE FUNCTION vector_sum_final(double precision[]) RETURNS vector IMMUTABLE STRICT PARALLEL SAFE LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT jsonb_agg(x ORDER BY i) FROM unnest($1[2:]) WITH ORDINALITY a(x, i))::text; END $$;

CREATE AGGREGATE avg(vector) (
	SFUNC = vector_accum,
	STYPE = double precision[],
	FINALFUNC = vector_avg,
	COMBINEFUNC = vector_combine,
	INITCOND = '{0}',
	PARALLEL = SAFE
);
CREATE AGGREGATE sum(vector) (
	SFUNC = vector_accum,
	STYPE = double precision[],
	FINALFUNC = vector_sum_final,
	COMBINEFUNC = vector_combine,
	INITCOND = '{0}',
	PARALLEL = SAFE
);

-- The modifier check pgvector does in C: a value must have as many dimensions as the column says.
CREATE FUNCTION vector(vector, integer, boolean) RETURNS vector IMMUTABLE STRICT PARALLEL SAFE LANGUAGE plpgsql
	AS $$ BEGIN
		IF $2 > 0 AND jsonb_array_length($1::text::jsonb) <> $2 THEN
			RAISE EXCEPTION 'expected % dimensions, not %', $2, jsonb_array_length($1::text::jsonb) USING ERRCODE = 'data_exception';
		END IF;
		RETURN $1;
	END $$;
CREATE FUNCTION array_to_vector(integer[], integer, boolean) RETURNS vector IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'to_jsonb';
CREATE FUNCTION array_to_vector(real[], integer, boolean) RETURNS vector IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'to_jsonb';
CREATE FUNCTION array_to_vector(double precision[], integer, boolean) RETURNS vector IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'to_jsonb';
CREATE FUNCTION array_to_vector(numeric[], integer, boolean) RETURNS vector IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'to_jsonb';
CREATE FUNCTION vector_to_float4(vector, integer, boolean) RETURNS real[] IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT array_agg(x::real ORDER BY i) FROM jsonb_array_elements_text($1::text::jsonb) WITH ORDINALITY a(x, i) $$;

CREATE CAST (vector AS vector) WITH FUNCTION vector(vector, integer, boolean) AS IMPLICIT;
CREATE CAST (vector AS real[]) WITH FUNCTION vector_to_float4(vector, integer, boolean) AS IMPLICIT;
CREATE CAST (integer[] AS vector) WITH FUNCTION array_to_vector(integer[], integer, boolean) AS ASSIGNMENT;
CREATE CAST (real[] AS vector) WITH FUNCTION array_to_vector(real[], integer, boolean) AS ASSIGNMENT;
CREATE CAST (double precision[] AS vector) WITH FUNCTION array_to_vector(double precision[], integer, boolean) AS ASSIGNMENT;
CREATE CAST (numeric[] AS vector) WITH FUNCTION array_to_vector(numeric[], integer, boolean) AS ASSIGNMENT;

CREATE OPERATOR <-> (LEFTARG = vector, RIGHTARG = vector, PROCEDURE = l2_distance, COMMUTATOR = '<->');
CREATE OPERATOR <#> (LEFTARG = vector, RIGHTARG = vector, PROCEDURE = vector_negative_inner_product, COMMUTATOR = '<#>');
CREATE OPERATOR <=> (LEFTARG = vector, RIGHTARG = vector, PROCEDURE = cosine_distance, COMMUTATOR = '<=>');
CREATE OPERATOR <+> (LEFTARG = vector, RIGHTARG = vector, PROCEDURE = l1_distance, COMMUTATOR = '<+>');
CREATE OPERATOR + (LEFTARG = vector, RIGHTARG = vector, PROCEDURE = vector_add, COMMUTATOR = +);
CREATE OPERATOR - (LEFTARG = vector, RIGHTARG = vector, PROCEDURE = vector_sub);
CREATE OPERATOR * (LEFTARG = vector, RIGHTARG = vector, PROCEDURE = vector_mul, COMMUTATOR = *);
CREATE OPERATOR || (LEFTARG = vector, RIGHTARG = vector, PROCEDURE = vector_concat);
CREATE OPERATOR < (LEFTARG = vector, RIGHTARG = vector, PROCEDURE = vector_lt, COMMUTATOR = > , NEGATOR = >= , RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR <= (LEFTARG = vector, RIGHTARG = vector, PROCEDURE = vector_le, COMMUTATOR = >= , NEGATOR = > , RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR = (LEFTARG = vector, RIGHTARG = vector, PROCEDURE = vector_eq, COMMUTATOR = = , NEGATOR = <> , RESTRICT = eqsel, JOIN = eqjoinsel);
CREATE OPERATOR <> (LEFTARG = vector, RIGHTARG = vector, PROCEDURE = vector_ne, COMMUTATOR = <> , NEGATOR = = , RESTRICT = eqsel, JOIN = eqjoinsel);
CREATE OPERATOR >= (LEFTARG = vector, RIGHTARG = vector, PROCEDURE = vector_ge, COMMUTATOR = <= , NEGATOR = < , RESTRICT = scalargesel, JOIN = scalargejoinsel);
CREATE OPERATOR > (LEFTARG = vector, RIGHTARG = vector, PROCEDURE = vector_gt, COMMUTATOR = < , NEGATOR = <= , RESTRICT = scalargtsel, JOIN = scalargtjoinsel);

CREATE OPERATOR CLASS vector_ops DEFAULT FOR TYPE vector USING btree AS
	OPERATOR 1 < , OPERATOR 2 <= , OPERATOR 3 = , OPERATOR 4 >= , OPERATOR 5 > ,
	FUNCTION 1 vector_cmp(vector, vector);
CREATE OPERATOR CLASS vector_l2_ops DEFAULT FOR TYPE vector USING ivfflat AS OPERATOR 1 = , FUNCTION 1 vector_stand_in_hash(vector);
CREATE OPERATOR CLASS vector_ip_ops FOR TYPE vector USING ivfflat AS OPERATOR 1 = , FUNCTION 1 vector_stand_in_hash(vector);
CREATE OPERATOR CLASS vector_cosine_ops FOR TYPE vector USING ivfflat AS OPERATOR 1 = , FUNCTION 1 vector_stand_in_hash(vector);
CREATE OPERATOR CLASS vector_l2_ops FOR TYPE vector USING hnsw AS OPERATOR 1 = , FUNCTION 1 vector_stand_in_hash(vector);
CREATE OPERATOR CLASS vector_ip_ops FOR TYPE vector USING hnsw AS OPERATOR 1 = , FUNCTION 1 vector_stand_in_hash(vector);
CREATE OPERATOR CLASS vector_cosine_ops FOR TYPE vector USING hnsw AS OPERATOR 1 = , FUNCTION 1 vector_stand_in_hash(vector);
CREATE OPERATOR CLASS vector_l1_ops FOR TYPE vector USING hnsw AS OPERATOR 1 = , FUNCTION 1 vector_stand_in_hash(vector);

-- halfvec: jsonb underneath (same varlena layout), so jsonb's C functions read and write it.
CREATE TYPE halfvec;
CREATE FUNCTION halfvec_in(cstring, oid, integer) RETURNS halfvec IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'jsonb_in';
CREATE FUNCTION halfvec_out(halfvec) RETURNS cstring IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'jsonb_out';
-- bit(n)'s modifier functions: one positive integer, kept as is.
CREATE FUNCTION halfvec_typmod_in(cstring[]) RETURNS integer IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'bittypmodin';
CREATE FUNCTION halfvec_recv(internal, oid, integer) RETURNS halfvec IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'jsonb_recv';
CREATE FUNCTION halfvec_send(halfvec) RETURNS bytea IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'jsonb_send';
CREATE TYPE halfvec (
	INPUT     = halfvec_in,
	OUTPUT    = halfvec_out,
	TYPMOD_IN = halfvec_typmod_in,
	RECEIVE   = halfvec_recv,
	SEND      = halfvec_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE   = external
);

CREATE FUNCTION l2_distance(halfvec, halfvec) RETURNS float8 IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT sqrt(coalesce(sum((a.x::float8 - b.x::float8) ^ 2), 0)) FROM jsonb_array_elements_text($1::text::jsonb) WITH ORDINALITY a(x, i) JOIN jsonb_array_elements_text($2::text::jsonb) WITH ORDINALITY b(x, i) USING (i) $$;
CREATE FUNCTION inner_product(halfvec, halfvec) RETURNS float8 IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT coalesce(sum(a.x::float8 * b.x::float8), 0) FROM jsonb_array_elements_text($1::text::jsonb) WITH ORDINALITY a(x, i) JOIN jsonb_array_elements_text($2::text::jsonb) WITH ORDINALITY b(x, i) USING (i) $$;
CREATE FUNCTION cosine_distance(halfvec, halfvec) RETURNS float8 IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT 1 - sum(a.x::float8 * b.x::float8) / nullif(sqrt(sum(a.x::float8 ^ 2)) * sqrt(sum(b.x::float8 ^ 2)), 0) FROM jsonb_array_elements_text($1::text::jsonb) WITH ORDINALITY a(x, i) JOIN jsonb_array_elements_text($2::text::jsonb) WITH ORDINALITY b(x, i) USING (i) $$;
CREATE FUNCTION l1_distance(halfvec, halfvec) RETURNS float8 IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT coalesce(sum(abs(a.x::float8 - b.x::float8)), 0) FROM jsonb_array_elements_text($1::text::jsonb) WITH ORDINALITY a(x, i) JOIN jsonb_array_elements_text($2::text::jsonb) WITH ORDINALITY b(x, i) USING (i) $$;
CREATE FUNCTION vector_dims(halfvec) RETURNS integer IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT jsonb_array_length($1::text::jsonb) $$;
CREATE FUNCTION l2_norm(halfvec) RETURNS float8 IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT sqrt(coalesce(sum(x::float8 ^ 2), 0)) FROM jsonb_array_elements_text($1::text::jsonb) x $$;
CREATE FUNCTION l2_normalize(halfvec) RETURNS halfvec IMMUTABLE STRICT PARALLEL SAFE LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT jsonb_agg(x::float8 / nullif(n, 0) ORDER BY i) FROM jsonb_array_elements_text($1::text::jsonb) WITH ORDINALITY a(x, i), (SELECT sqrt(sum(y::float8 ^ 2)) n FROM jsonb_array_elements_text($1::text::jsonb) y) s)::text; END $$;
CREATE FUNCTION binary_quantize(halfvec) RETURNS bit IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT string_agg(CASE WHEN x::float8 > 0 THEN '1' ELSE '0' END, '' ORDER BY i)::bit varying::bit FROM jsonb_array_elements_text($1::text::jsonb) WITH ORDINALITY a(x, i) $$;
CREATE FUNCTION subvector(halfvec, int, int) RETURNS halfvec IMMUTABLE STRICT PARALLEL SAFE LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT jsonb_agg(x ORDER BY i) FROM jsonb_array_elements($1::text::jsonb) WITH ORDINALITY a(x, i) WHERE i >= $2 AND i < $2 + $3)::text; END $$;
CREATE FUNCTION halfvec_add(halfvec, halfvec) RETURNS halfvec IMMUTABLE STRICT PARALLEL SAFE LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT jsonb_agg(a.x::float8 + b.x::float8 ORDER BY i) FROM jsonb_array_elements_text($1::text::jsonb) WITH ORDINALITY a(x, i) JOIN jsonb_array_elements_text($2::text::jsonb) WITH ORDINALITY b(x, i) USING (i))::text; END $$;
CREATE FUNCTION halfvec_sub(halfvec, halfvec) RETURNS halfvec IMMUTABLE STRICT PARALLEL SAFE LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT jsonb_agg(a.x::float8 - b.x::float8 ORDER BY i) FROM jsonb_array_elements_text($1::text::jsonb) WITH ORDINALITY a(x, i) JOIN jsonb_array_elements_text($2::text::jsonb) WITH ORDINALITY b(x, i) USING (i))::text; END $$;
CREATE FUNCTION halfvec_mul(halfvec, halfvec) RETURNS halfvec IMMUTABLE STRICT PARALLEL SAFE LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT jsonb_agg(a.x::float8 * b.x::float8 ORDER BY i) FROM jsonb_array_elements_text($1::text::jsonb) WITH ORDINALITY a(x, i) JOIN jsonb_array_elements_text($2::text::jsonb) WITH ORDINALITY b(x, i) USING (i))::text; END $$;
CREATE FUNCTION halfvec_concat(halfvec, halfvec) RETURNS halfvec IMMUTABLE STRICT PARALLEL SAFE LANGUAGE plpgsql AS $$ BEGIN RETURN ($1::text::jsonb || $2::text::jsonb)::text; END $$;
CREATE FUNCTION halfvec_lt(halfvec, halfvec) RETURNS bool IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'jsonb_lt';
CREATE FUNCTION halfvec_le(halfvec, halfvec) RETURNS bool IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'jsonb_le';
CREATE FUNCTION halfvec_eq(halfvec, halfvec) RETURNS bool IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'jsonb_eq';
CREATE FUNCTION halfvec_ne(halfvec, halfvec) RETURNS bool IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'jsonb_ne';
CREATE FUNCTION halfvec_ge(halfvec, halfvec) RETURNS bool IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'jsonb_ge';
CREATE FUNCTION halfvec_gt(halfvec, halfvec) RETURNS bool IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'jsonb_gt';
CREATE FUNCTION halfvec_cmp(halfvec, halfvec) RETURNS int4 IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'jsonb_cmp';
-- For the hnsw and ivfflat stand-ins: a hash of the value's bytes.
CREATE FUNCTION halfvec_stand_in_hash(halfvec) RETURNS int4 IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'hashvarlena';
CREATE FUNCTION halfvec_l2_squared_distance(halfvec, halfvec) RETURNS float8 IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT l2_distance($1, $2) ^ 2 $$;
CREATE FUNCTION halfvec_negative_inner_product(halfvec, halfvec) RETURNS float8 IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT - inner_product($1, $2) $$;
CREATE FUNCTION halfvec_spherical_distance(halfvec, halfvec) RETURNS float8 IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT acos(greatest(-1, least(1, inner_product($1, $2)))) / pi() $$;
CREATE FUNCTION halfvec_accum(double precision[], halfvec) RETURNS double precision[] IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT array_prepend(coalesce($1[1], 0) + 1, array_agg(coalesce($1[i + 1], 0) + x::float8 ORDER BY i)) FROM jsonb_array_elements_text($2::text::jsonb) WITH ORDINALITY a(x, i) $$;
CREATE FUNCTION halfvec_avg(double precision[]) RETURNS halfvec IMMUTABLE STRICT PARALLEL SAFE LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT jsonb_agg(x / $1[1] ORDER BY i) FROM unnest($1[2:]) WITH ORDINALITY a(x, i))::text; END $$;
CREATE FUNCTION halfvec_combine(double precision[], double precision[]) RETURNS double precision[] IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT array_agg(coalesce(a, 0) + coalesce(b, 0) ORDER BY i) FROM unnest($1, $2) WITH ORDINALITY u(a, b, i) $$;
CREATE FUNCTION halfvec_sum_final(double precision[]) RETURNS halfvec IMMUTABLE STRICT PARALLEL SAFE LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT jsonb_agg(x ORDER BY i) FROM unnest($1[2:]) WITH ORDINALITY a(x, i))::text; END $$;

CREATE AGGREGATE avg(halfvec) (
	SFUNC = halfvec_accum,
	STYPE = double precision[],
	FINALFUNC = halfvec_avg,
	COMBINEFUNC = halfvec_combine,
	INITCOND = '{0}',
	PARALLEL = SAFE
);
CREATE AGGREGATE sum(halfvec) (
	SFUNC = halfvec_accum,
	STYPE = double precision[],
	FINALFUNC = halfvec_sum_final,
	COMBINEFUNC = halfvec_combine,
	INITCOND = '{0}',
	PARALLEL = SAFE
);

-- The modifier check pgvector does in C: a value must have as many dimensions as the column says.
CREATE FUNCTION halfvec(halfvec, integer, boolean) RETURNS halfvec IMMUTABLE STRICT PARALLEL SAFE LANGUAGE plpgsql
	AS $$ BEGIN
		IF $2 > 0 AND jsonb_array_length($1::text::jsonb) <> $2 THEN
			RAISE EXCEPTION 'expected % dimensions, not %', $2, jsonb_array_length($1::text::jsonb) USING ERRCODE = 'data_exception';
		END IF;
		RETURN $1;
	END $$;
CREATE FUNCTION array_to_halfvec(integer[], integer, boolean) RETURNS halfvec IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'to_jsonb';
CREATE FUNCTION array_to_halfvec(real[], integer, boolean) RETURNS halfvec IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'to_jsonb';
CREATE FUNCTION array_to_halfvec(double precision[], integer, boolean) RETURNS halfvec IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'to_jsonb';
CREATE FUNCTION array_to_halfvec(numeric[], integer, boolean) RETURNS halfvec IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'to_jsonb';
CREATE FUNCTION halfvec_to_float4(halfvec, integer, boolean) RETURNS real[] IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT array_agg(x::real ORDER BY i) FROM jsonb_array_elements_text($1::text::jsonb) WITH ORDINALITY a(x, i) $$;

CREATE CAST (halfvec AS halfvec) WITH FUNCTION halfvec(halfvec, integer, boolean) AS IMPLICIT;
CREATE CAST (halfvec AS real[]) WITH FUNCTION halfvec_to_float4(halfvec, integer, boolean) AS IMPLICIT;
CREATE CAST (integer[] AS halfvec) WITH FUNCTION array_to_halfvec(integer[], integer, boolean) AS ASSIGNMENT;
CREATE CAST (real[] AS halfvec) WITH FUNCTION array_to_halfvec(real[], integer, boolean) AS ASSIGNMENT;
CREATE CAST (double precision[] AS halfvec) WITH FUNCTION array_to_halfvec(double precision[], integer, boolean) AS ASSIGNMENT;
CREATE CAST (numeric[] AS halfvec) WITH FUNCTION array_to_halfvec(numeric[], integer, boolean) AS ASSIGNMENT;

CREATE OPERATOR <-> (LEFTARG = halfvec, RIGHTARG = halfvec, PROCEDURE = l2_distance, COMMUTATOR = '<->');
CREATE OPERATOR <#> (LEFTARG = halfvec, RIGHTARG = halfvec, PROCEDURE = halfvec_negative_inner_product, COMMUTATOR = '<#>');
CREATE OPERATOR <=> (LEFTARG = halfvec, RIGHTARG = halfvec, PROCEDURE = cosine_distance, COMMUTATOR = '<=>');
CREATE OPERATOR <+> (LEFTARG = halfvec, RIGHTARG = halfvec, PROCEDURE = l1_distance, COMMUTATOR = '<+>');
CREATE OPERATOR + (LEFTARG = halfvec, RIGHTARG = halfvec, PROCEDURE = halfvec_add, COMMUTATOR = +);
CREATE OPERATOR - (LEFTARG = halfvec, RIGHTARG = halfvec, PROCEDURE = halfvec_sub);
CREATE OPERATOR * (LEFTARG = halfvec, RIGHTARG = halfvec, PROCEDURE = halfvec_mul, COMMUTATOR = *);
CREATE OPERATOR || (LEFTARG = halfvec, RIGHTARG = halfvec, PROCEDURE = halfvec_concat);
CREATE OPERATOR < (LEFTARG = halfvec, RIGHTARG = halfvec, PROCEDURE = halfvec_lt, COMMUTATOR = > , NEGATOR = >= , RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR <= (LEFTARG = halfvec, RIGHTARG = halfvec, PROCEDURE = halfvec_le, COMMUTATOR = >= , NEGATOR = > , RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR = (LEFTARG = halfvec, RIGHTARG = halfvec, PROCEDURE = halfvec_eq, COMMUTATOR = = , NEGATOR = <> , RESTRICT = eqsel, JOIN = eqjoinsel);
CREATE OPERATOR <> (LEFTARG = halfvec, RIGHTARG = halfvec, PROCEDURE = halfvec_ne, COMMUTATOR = <> , NEGATOR = = , RESTRICT = eqsel, JOIN = eqjoinsel);
CREATE OPERATOR >= (LEFTARG = halfvec, RIGHTARG = halfvec, PROCEDURE = halfvec_ge, COMMUTATOR = <= , NEGATOR = < , RESTRICT = scalargesel, JOIN = scalargejoinsel);
CREATE OPERATOR > (LEFTARG = halfvec, RIGHTARG = halfvec, PROCEDURE = halfvec_gt, COMMUTATOR = < , NEGATOR = <= , RESTRICT = scalargtsel, JOIN = scalargtjoinsel);

CREATE OPERATOR CLASS halfvec_ops DEFAULT FOR TYPE halfvec USING btree AS
	OPERATOR 1 < , OPERATOR 2 <= , OPERATOR 3 = , OPERATOR 4 >= , OPERATOR 5 > ,
	FUNCTION 1 halfvec_cmp(halfvec, halfvec);
CREATE OPERATOR CLASS halfvec_l2_ops DEFAULT FOR TYPE halfvec USING ivfflat AS OPERATOR 1 = , FUNCTION 1 halfvec_stand_in_hash(halfvec);
CREATE OPERATOR CLASS halfvec_ip_ops FOR TYPE halfvec USING ivfflat AS OPERATOR 1 = , FUNCTION 1 halfvec_stand_in_hash(halfvec);
CREATE OPERATOR CLASS halfvec_cosine_ops FOR TYPE halfvec USING ivfflat AS OPERATOR 1 = , FUNCTION 1 halfvec_stand_in_hash(halfvec);
CREATE OPERATOR CLASS halfvec_l2_ops FOR TYPE halfvec USING hnsw AS OPERATOR 1 = , FUNCTION 1 halfvec_stand_in_hash(halfvec);
CREATE OPERATOR CLASS halfvec_ip_ops FOR TYPE halfvec USING hnsw AS OPERATOR 1 = , FUNCTION 1 halfvec_stand_in_hash(halfvec);
CREATE OPERATOR CLASS halfvec_cosine_ops FOR TYPE halfvec USING hnsw AS OPERATOR 1 = , FUNCTION 1 halfvec_stand_in_hash(halfvec);
CREATE OPERATOR CLASS halfvec_l1_ops FOR TYPE halfvec USING hnsw AS OPERATOR 1 = , FUNCTION 1 halfvec_stand_in_hash(halfvec);

CREATE FUNCTION halfvec_to_vector(halfvec, integer, boolean) RETURNS vector IMMUTABLE STRICT PARALLEL SAFE LANGUAGE plpgsql AS $$ BEGIN RETURN $1::text; END $$;
CREATE FUNCTION vector_to_halfvec(vector, integer, boolean) RETURNS halfvec IMMUTABLE STRICT PARALLEL SAFE LANGUAGE plpgsql AS $$ BEGIN RETURN $1::text; END $$;
CREATE CAST (halfvec AS vector) WITH FUNCTION halfvec_to_vector(halfvec, integer, boolean) AS ASSIGNMENT;
CREATE CAST (vector AS halfvec) WITH FUNCTION vector_to_halfvec(vector, integer, boolean) AS IMPLICIT;

-- bit vectors: pgvector's distances on PostgreSQL's own bit type.
CREATE FUNCTION hamming_distance(bit, bit) RETURNS float8 IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT length(replace(($1 # $2)::text, '0', ''))::float8 $$;
CREATE FUNCTION jaccard_distance(bit, bit) RETURNS float8 IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT 1 - length(replace(($1 & $2)::text, '0', ''))::float8 / nullif(length(replace(($1 | $2)::text, '0', '')), 0) $$;
CREATE OPERATOR <~> (LEFTARG = bit, RIGHTARG = bit, PROCEDURE = hamming_distance, COMMUTATOR = '<~>');
CREATE OPERATOR <%> (LEFTARG = bit, RIGHTARG = bit, PROCEDURE = jaccard_distance, COMMUTATOR = '<%>');
CREATE FUNCTION bit_stand_in_hash(bit) RETURNS int4 IMMUTABLE STRICT PARALLEL SAFE LANGUAGE internal AS 'hashvarlena';
CREATE OPERATOR CLASS bit_hamming_ops FOR TYPE bit USING ivfflat AS OPERATOR 1 = , FUNCTION 1 bit_stand_in_hash(bit);
CREATE OPERATOR CLASS bit_hamming_ops FOR TYPE bit USING hnsw AS OPERATOR 1 = , FUNCTION 1 bit_stand_in_hash(bit);
CREATE OPERATOR CLASS bit_jaccard_ops FOR TYPE bit USING hnsw AS OPERATOR 1 = , FUNCTION 1 bit_stand_in_hash(bit);
