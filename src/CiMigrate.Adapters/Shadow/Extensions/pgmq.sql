-- ci-migrate stand-in for pgmq 1.5.1 (pgmq/pgmq, Supabase Queues; supabase/postgres nix/ext/pgmq builds 1.5.1 as the
-- latest): signatures as in its sql/pgmq.sql at v1.5.1.
-- Covers: the pgmq schema with pgmq.meta and the types message_record (with headers), queue_record and metrics_result
-- (with queue_visible_length); pgmq.create, create_non_partitioned, create_unlogged (each queue a table pgmq.q_<name>
-- with its msg_id sequence, and an archive pgmq.a_<name>, made members of the extension as pgmq does), drop_queue
-- (the one-argument form and the deprecated two-argument one), send and send_batch (every overload: headers, an
-- integer delay or a timestamp), read and read_with_poll with their conditional filter, pop, archive, delete, set_vt,
-- purge_queue, detach_archive, list_queues, metrics, metrics_all, format_table_name, validate_queue_name and the
-- helpers _belongs_to_pgmq, _extension_exists, _get_partition_col and _get_pg_partman_schema. Messages are stored and
-- read with visibility timeouts.
-- Does not cover: create_partitioned and convert_archive_partitioned (they need pg_partman and raise here), and
-- read_with_poll does not wait.
-- control: default_version = '1.5.1'
-- control: relocatable = false
-- control: schema = 'pgmq'

CREATE TABLE pgmq.meta (
    queue_name varchar UNIQUE NOT NULL,
    is_partitioned boolean NOT NULL,
    is_unlogged boolean NOT NULL,
    created_at timestamptz DEFAULT now() NOT NULL
);
SELECT pg_catalog.pg_extension_config_dump('pgmq.meta', '');

CREATE TYPE pgmq.message_record AS (msg_id bigint, read_ct integer, enqueued_at timestamptz, vt timestamptz, message jsonb,
    headers jsonb);
CREATE TYPE pgmq.queue_record AS (queue_name varchar, is_partitioned boolean, is_unlogged boolean, created_at timestamptz);
CREATE TYPE pgmq.metrics_result AS (queue_name text, queue_length bigint, newest_msg_age_sec int, oldest_msg_age_sec int,
    total_messages bigint, scrape_time timestamptz, queue_visible_length bigint);

CREATE FUNCTION pgmq.format_table_name(queue_name text, prefix text) RETURNS text LANGUAGE plpgsql
    AS $$ BEGIN
        IF queue_name ~ '\$|;|--|''' THEN
            RAISE EXCEPTION 'queue name contains invalid characters: $, ;, --, or \''';
        END IF;
        RETURN lower(prefix || '_' || queue_name);
    END $$;

CREATE FUNCTION pgmq.validate_queue_name(queue_name text) RETURNS void LANGUAGE plpgsql
    AS $$ BEGIN
        IF length(queue_name) >= 48 THEN
            RAISE EXCEPTION 'queue name is too long, maximum length is 48 characters';
        END IF;
    END $$;

CREATE FUNCTION pgmq._belongs_to_pgmq(table_name text) RETURNS boolean LANGUAGE sql
    AS $$ SELECT EXISTS (SELECT FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
                         WHERE e.extname = 'pgmq' AND d.deptype = 'e' AND d.classid = 'pg_class'::regclass
                           AND d.objid = to_regclass(format('pgmq.%I', table_name))) $$;

CREATE FUNCTION pgmq._extension_exists(extension_name text) RETURNS boolean LANGUAGE sql
    AS $$ SELECT EXISTS (SELECT FROM pg_extension WHERE extname = extension_name) $$;

CREATE FUNCTION pgmq._get_pg_partman_schema() RETURNS text LANGUAGE sql
    AS $$ SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_partman' $$;

CREATE FUNCTION pgmq._get_partition_col(partition_interval text) RETURNS text LANGUAGE plpgsql
    AS $$ BEGIN
        -- A number partitions by message id, anything else is an interval of time.
        IF partition_interval ~ '^[0-9]+$' THEN
            RETURN 'msg_id';
        END IF;
        PERFORM partition_interval::interval;
        RETURN 'enqueued_at';
    END $$;

CREATE FUNCTION pgmq._create_queue(queue_name text, unlogged boolean) RETURNS void LANGUAGE plpgsql
    AS $$
    DECLARE
        q text := pgmq.format_table_name(queue_name, 'q');
        a text := pgmq.format_table_name(queue_name, 'a');
    BEGIN
        PERFORM pgmq.validate_queue_name(queue_name);
        EXECUTE format('CREATE %s TABLE IF NOT EXISTS pgmq.%I (msg_id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY, '
            'read_ct int DEFAULT 0 NOT NULL, enqueued_at timestamptz DEFAULT now() NOT NULL, vt timestamptz NOT NULL, '
            'message jsonb, headers jsonb)',
            CASE WHEN unlogged THEN 'UNLOGGED' ELSE '' END, q);
        EXECUTE format('CREATE TABLE IF NOT EXISTS pgmq.%I (msg_id bigint PRIMARY KEY, read_ct int DEFAULT 0 NOT NULL, '
            'enqueued_at timestamptz DEFAULT now() NOT NULL, archived_at timestamptz DEFAULT now() NOT NULL, '
            'vt timestamptz NOT NULL, message jsonb, headers jsonb)', a);
        IF NOT pgmq._belongs_to_pgmq(q) THEN
            EXECUTE format('ALTER EXTENSION pgmq ADD TABLE pgmq.%I', q);
            EXECUTE format('ALTER EXTENSION pgmq ADD SEQUENCE pgmq.%I', q || '_msg_id_seq');
        END IF;
        IF NOT pgmq._belongs_to_pgmq(a) THEN
            EXECUTE format('ALTER EXTENSION pgmq ADD TABLE pgmq.%I', a);
        END IF;
        EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON pgmq.%I (vt ASC)', q || '_vt_idx', q);
        EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON pgmq.%I (archived_at)', 'archived_at_idx_' || queue_name, a);
        INSERT INTO pgmq.meta (queue_name, is_partitioned, is_unlogged) VALUES (queue_name, false, unlogged) ON CONFLICT DO NOTHING;
    END $$;

CREATE FUNCTION pgmq.create_non_partitioned(queue_name text) RETURNS void LANGUAGE sql
    AS $$ SELECT pgmq._create_queue(queue_name, false) $$;
CREATE FUNCTION pgmq.create_unlogged(queue_name text) RETURNS void LANGUAGE sql
    AS $$ SELECT pgmq._create_queue(queue_name, true) $$;
CREATE FUNCTION pgmq.create(queue_name text) RETURNS void LANGUAGE sql
    AS $$ SELECT pgmq._create_queue(queue_name, false) $$;

CREATE FUNCTION pgmq.create_partitioned(queue_name text, partition_interval text DEFAULT '10000',
    retention_interval text DEFAULT '100000') RETURNS void LANGUAGE plpgsql
    AS $$ BEGIN
        RAISE EXCEPTION 'pgmq.create_partitioned is not available on the ci-migrate stand-in of pgmq (it needs pg_partman)'
            USING HINT = 'Replay on a scratch database of a real Supabase server: environments.<name>.shadow = "scratch".';
    END $$;

CREATE FUNCTION pgmq.convert_archive_partitioned(table_name text, partition_interval text DEFAULT '10000',
    retention_interval text DEFAULT '100000', leading_partition integer DEFAULT 10) RETURNS void LANGUAGE plpgsql
    AS $$ BEGIN
        RAISE EXCEPTION 'pgmq.convert_archive_partitioned is not available on the ci-migrate stand-in of pgmq (it needs pg_partman)'
            USING HINT = 'Replay on a scratch database of a real Supabase server: environments.<name>.shadow = "scratch".';
    END $$;

CREATE FUNCTION pgmq.drop_queue(queue_name text) RETURNS boolean LANGUAGE plpgsql
    AS $$
    DECLARE
        q text := pgmq.format_table_name(queue_name, 'q');
        a text := pgmq.format_table_name(queue_name, 'a');
    BEGIN
        EXECUTE format('ALTER EXTENSION pgmq DROP TABLE pgmq.%I', q);
        EXECUTE format('ALTER EXTENSION pgmq DROP SEQUENCE pgmq.%I', q || '_msg_id_seq');
        EXECUTE format('ALTER EXTENSION pgmq DROP TABLE pgmq.%I', a);
        EXECUTE format('DROP TABLE IF EXISTS pgmq.%I', q);
        EXECUTE format('DROP TABLE IF EXISTS pgmq.%I', a);
        DELETE FROM pgmq.meta m WHERE m.queue_name = drop_queue.queue_name;
        RETURN true;
    END $$;

-- 1.5 keeps the two-argument form, deprecated, for callers of 1.4.
CREATE FUNCTION pgmq.drop_queue(queue_name text, partitioned boolean) RETURNS boolean LANGUAGE plpgsql
    AS $$ BEGIN
        RAISE WARNING 'drop_queue(queue_name, partitioned) is deprecated and will be removed in PGMQ v2.0. Use drop_queue(queue_name) instead.';
        RETURN pgmq.drop_queue(queue_name);
    END $$;

-- Every send and send_batch overload ends in the four-argument form, as in pgmq.
CREATE FUNCTION pgmq.send(queue_name text, msg jsonb, headers jsonb, delay timestamptz) RETURNS SETOF bigint LANGUAGE plpgsql
    AS $$ BEGIN
        RETURN QUERY EXECUTE format('INSERT INTO pgmq.%I (vt, message, headers) VALUES ($1, $2, $3) RETURNING msg_id',
            pgmq.format_table_name(queue_name, 'q')) USING delay, msg, headers;
    END $$;
CREATE FUNCTION pgmq.send(queue_name text, msg jsonb, headers jsonb, delay integer) RETURNS SETOF bigint LANGUAGE sql
    AS $$ SELECT * FROM pgmq.send(queue_name, msg, headers, clock_timestamp() + make_interval(secs => delay)) $$;
CREATE FUNCTION pgmq.send(queue_name text, msg jsonb, delay timestamptz) RETURNS SETOF bigint LANGUAGE sql
    AS $$ SELECT * FROM pgmq.send(queue_name, msg, NULL, delay) $$;
CREATE FUNCTION pgmq.send(queue_name text, msg jsonb, delay integer) RETURNS SETOF bigint LANGUAGE sql
    AS $$ SELECT * FROM pgmq.send(queue_name, msg, NULL, clock_timestamp() + make_interval(secs => delay)) $$;
CREATE FUNCTION pgmq.send(queue_name text, msg jsonb, headers jsonb) RETURNS SETOF bigint LANGUAGE sql
    AS $$ SELECT * FROM pgmq.send(queue_name, msg, headers, clock_timestamp()) $$;
CREATE FUNCTION pgmq.send(queue_name text, msg jsonb) RETURNS SETOF bigint LANGUAGE sql
    AS $$ SELECT * FROM pgmq.send(queue_name, msg, NULL, clock_timestamp()) $$;

CREATE FUNCTION pgmq.send_batch(queue_name text, msgs jsonb[], headers jsonb[], delay timestamptz) RETURNS SETOF bigint LANGUAGE plpgsql
    AS $$ BEGIN
        RETURN QUERY EXECUTE format('INSERT INTO pgmq.%I (vt, message, headers) '
            'SELECT $1, m.message, h.headers FROM unnest($2) WITH ORDINALITY AS m (message, n) '
            'LEFT JOIN unnest($3) WITH ORDINALITY AS h (headers, n) USING (n) ORDER BY n RETURNING msg_id',
            pgmq.format_table_name(queue_name, 'q')) USING delay, msgs, headers;
    END $$;
CREATE FUNCTION pgmq.send_batch(queue_name text, msgs jsonb[], headers jsonb[], delay integer) RETURNS SETOF bigint LANGUAGE sql
    AS $$ SELECT * FROM pgmq.send_batch(queue_name, msgs, headers, clock_timestamp() + make_interval(secs => delay)) $$;
CREATE FUNCTION pgmq.send_batch(queue_name text, msgs jsonb[], delay timestamptz) RETURNS SETOF bigint LANGUAGE sql
    AS $$ SELECT * FROM pgmq.send_batch(queue_name, msgs, NULL, delay) $$;
CREATE FUNCTION pgmq.send_batch(queue_name text, msgs jsonb[], delay integer) RETURNS SETOF bigint LANGUAGE sql
    AS $$ SELECT * FROM pgmq.send_batch(queue_name, msgs, NULL, clock_timestamp() + make_interval(secs => delay)) $$;
CREATE FUNCTION pgmq.send_batch(queue_name text, msgs jsonb[], headers jsonb[]) RETURNS SETOF bigint LANGUAGE sql
    AS $$ SELECT * FROM pgmq.send_batch(queue_name, msgs, headers, clock_timestamp()) $$;
CREATE FUNCTION pgmq.send_batch(queue_name text, msgs jsonb[]) RETURNS SETOF bigint LANGUAGE sql
    AS $$ SELECT * FROM pgmq.send_batch(queue_name, msgs, NULL, clock_timestamp()) $$;

-- conditional: only messages containing this JSON (message @> conditional) are read; '{}' reads any.
CREATE FUNCTION pgmq.read(queue_name text, vt integer, qty integer, conditional jsonb DEFAULT '{}')
    RETURNS SETOF pgmq.message_record LANGUAGE plpgsql
    AS $$ BEGIN
        RETURN QUERY EXECUTE format(
            'WITH due AS (SELECT msg_id FROM pgmq.%1$I WHERE vt <= clock_timestamp() AND message @> $3 '
            'ORDER BY msg_id LIMIT $1 FOR UPDATE SKIP LOCKED) '
            'UPDATE pgmq.%1$I m SET vt = clock_timestamp() + make_interval(secs => $2), read_ct = read_ct + 1 FROM due '
            'WHERE m.msg_id = due.msg_id RETURNING m.msg_id, m.read_ct, m.enqueued_at, m.vt, m.message, m.headers',
            pgmq.format_table_name(queue_name, 'q')) USING qty, vt, coalesce(conditional, '{}');
    END $$;

CREATE FUNCTION pgmq.read_with_poll(queue_name text, vt integer, qty integer, max_poll_seconds integer DEFAULT 5,
    poll_interval_ms integer DEFAULT 100, conditional jsonb DEFAULT '{}') RETURNS SETOF pgmq.message_record LANGUAGE sql
    AS $$ SELECT * FROM pgmq.read(queue_name, vt, qty, conditional) $$;

CREATE FUNCTION pgmq.pop(queue_name text) RETURNS SETOF pgmq.message_record LANGUAGE plpgsql
    AS $$ BEGIN
        RETURN QUERY EXECUTE format(
            'DELETE FROM pgmq.%1$I WHERE msg_id = (SELECT msg_id FROM pgmq.%1$I WHERE vt <= clock_timestamp() ORDER BY msg_id LIMIT 1 FOR UPDATE SKIP LOCKED) '
            'RETURNING msg_id, read_ct, enqueued_at, vt, message, headers', pgmq.format_table_name(queue_name, 'q'));
    END $$;

CREATE FUNCTION pgmq.archive(queue_name text, msg_ids bigint[]) RETURNS SETOF bigint LANGUAGE plpgsql
    AS $$ BEGIN
        RETURN QUERY EXECUTE format(
            'WITH moved AS (DELETE FROM pgmq.%I WHERE msg_id = ANY($1) RETURNING msg_id, vt, read_ct, enqueued_at, message, headers) '
            'INSERT INTO pgmq.%I (msg_id, vt, read_ct, enqueued_at, message, headers) '
            'SELECT msg_id, vt, read_ct, enqueued_at, message, headers FROM moved RETURNING msg_id',
            pgmq.format_table_name(queue_name, 'q'), pgmq.format_table_name(queue_name, 'a')) USING msg_ids;
    END $$;

CREATE FUNCTION pgmq.archive(queue_name text, msg_id bigint) RETURNS boolean LANGUAGE sql
    AS $$ SELECT EXISTS (SELECT FROM pgmq.archive(queue_name, ARRAY[msg_id])) $$;

CREATE FUNCTION pgmq.delete(queue_name text, msg_ids bigint[]) RETURNS SETOF bigint LANGUAGE plpgsql
    AS $$ BEGIN
        RETURN QUERY EXECUTE format('DELETE FROM pgmq.%I WHERE msg_id = ANY($1) RETURNING msg_id', pgmq.format_table_name(queue_name, 'q'))
            USING msg_ids;
    END $$;

CREATE FUNCTION pgmq.delete(queue_name text, msg_id bigint) RETURNS boolean LANGUAGE sql
    AS $$ SELECT EXISTS (SELECT FROM pgmq.delete(queue_name, ARRAY[msg_id])) $$;

CREATE FUNCTION pgmq.set_vt(queue_name text, msg_id bigint, vt integer) RETURNS SETOF pgmq.message_record LANGUAGE plpgsql
    AS $$ BEGIN
        RETURN QUERY EXECUTE format('UPDATE pgmq.%I SET vt = clock_timestamp() + make_interval(secs => $1) WHERE msg_id = $2 '
            'RETURNING msg_id, read_ct, enqueued_at, vt, message, headers', pgmq.format_table_name(queue_name, 'q')) USING vt, msg_id;
    END $$;

CREATE FUNCTION pgmq.purge_queue(queue_name text) RETURNS bigint LANGUAGE plpgsql
    AS $$
    DECLARE
        deleted bigint;
    BEGIN
        EXECUTE format('WITH d AS (DELETE FROM pgmq.%I RETURNING 1) SELECT count(*) FROM d', pgmq.format_table_name(queue_name, 'q')) INTO deleted;
        RETURN deleted;
    END $$;

CREATE FUNCTION pgmq.detach_archive(queue_name text) RETURNS void LANGUAGE plpgsql
    AS $$ BEGIN
        EXECUTE format('ALTER EXTENSION pgmq DROP TABLE pgmq.%I', pgmq.format_table_name(queue_name, 'a'));
    END $$;

CREATE FUNCTION pgmq.list_queues() RETURNS SETOF pgmq.queue_record LANGUAGE sql
    AS $$ SELECT queue_name, is_partitioned, is_unlogged, created_at FROM pgmq.meta $$;

CREATE FUNCTION pgmq.metrics(queue_name text) RETURNS pgmq.metrics_result LANGUAGE plpgsql
    AS $$
    DECLARE
        result pgmq.metrics_result;
    BEGIN
        EXECUTE format('SELECT $1, count(*), extract(epoch FROM now() - max(enqueued_at))::int, '
            'extract(epoch FROM now() - min(enqueued_at))::int, coalesce(max(msg_id), 0), now(), '
            'count(*) FILTER (WHERE vt <= now()) FROM pgmq.%I',
            pgmq.format_table_name(queue_name, 'q')) INTO result USING queue_name;
        RETURN result;
    END $$;

CREATE FUNCTION pgmq.metrics_all() RETURNS SETOF pgmq.metrics_result LANGUAGE sql
    AS $$ SELECT (pgmq.metrics(queue_name)).* FROM pgmq.meta $$;
