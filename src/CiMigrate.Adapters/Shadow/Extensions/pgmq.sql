-- ci-migrate stand-in for pgmq 1.4.4 (pgmq/pgmq, Supabase Queues): signatures as in its sql/pgmq.sql at v1.4.4.
-- Covers: the pgmq schema with pgmq.meta and the types message_record, queue_record and metrics_result;
-- pgmq.create, create_non_partitioned, create_unlogged (each queue a table pgmq.q_<name> and an archive
-- pgmq.a_<name>, made members of the extension as pgmq does), drop_queue, send, send_batch, read, read_with_poll,
-- pop, archive, delete, set_vt, purge_queue, detach_archive, list_queues, metrics, metrics_all,
-- format_table_name and validate_queue_name. Messages are stored and read with visibility timeouts.
-- Does not cover: create_partitioned (it needs pg_partman and raises here), and read_with_poll does not wait.
-- control: default_version = '1.4.4'
-- control: relocatable = false
-- control: schema = 'pgmq'

CREATE TABLE pgmq.meta (
    queue_name varchar UNIQUE NOT NULL,
    is_partitioned boolean NOT NULL,
    is_unlogged boolean NOT NULL,
    created_at timestamptz DEFAULT now() NOT NULL
);
SELECT pg_catalog.pg_extension_config_dump('pgmq.meta', '');

CREATE TYPE pgmq.message_record AS (msg_id bigint, read_ct integer, enqueued_at timestamptz, vt timestamptz, message jsonb);
CREATE TYPE pgmq.queue_record AS (queue_name varchar, is_partitioned boolean, is_unlogged boolean, created_at timestamptz);
CREATE TYPE pgmq.metrics_result AS (queue_name text, queue_length bigint, newest_msg_age_sec int, oldest_msg_age_sec int,
    total_messages bigint, scrape_time timestamptz);

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

CREATE FUNCTION pgmq._create_queue(queue_name text, unlogged boolean) RETURNS void LANGUAGE plpgsql
    AS $$
    DECLARE
        q text := pgmq.format_table_name(queue_name, 'q');
        a text := pgmq.format_table_name(queue_name, 'a');
    BEGIN
        PERFORM pgmq.validate_queue_name(queue_name);
        IF to_regclass(format('pgmq.%I', q)) IS NOT NULL THEN
            RETURN;
        END IF;
        EXECUTE format('CREATE %s TABLE pgmq.%I (msg_id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY, '
            'read_ct int DEFAULT 0 NOT NULL, enqueued_at timestamptz DEFAULT now() NOT NULL, vt timestamptz NOT NULL, message jsonb)',
            CASE WHEN unlogged THEN 'UNLOGGED' ELSE '' END, q);
        EXECUTE format('CREATE TABLE IF NOT EXISTS pgmq.%I (msg_id bigint PRIMARY KEY, read_ct int DEFAULT 0 NOT NULL, '
            'enqueued_at timestamptz DEFAULT now() NOT NULL, archived_at timestamptz DEFAULT now() NOT NULL, '
            'vt timestamptz NOT NULL, message jsonb)', a);
        EXECUTE format('ALTER EXTENSION pgmq ADD TABLE pgmq.%I', q);
        EXECUTE format('ALTER EXTENSION pgmq ADD TABLE pgmq.%I', a);
        EXECUTE format('CREATE INDEX %I ON pgmq.%I (vt ASC)', q || '_vt_idx', q);
        EXECUTE format('CREATE INDEX %I ON pgmq.%I (archived_at)', 'archived_at_idx_' || queue_name, a);
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

CREATE FUNCTION pgmq.drop_queue(queue_name text, partitioned boolean DEFAULT false) RETURNS boolean LANGUAGE plpgsql
    AS $$
    DECLARE
        q text := pgmq.format_table_name(queue_name, 'q');
        a text := pgmq.format_table_name(queue_name, 'a');
    BEGIN
        EXECUTE format('ALTER EXTENSION pgmq DROP TABLE pgmq.%I', q);
        EXECUTE format('ALTER EXTENSION pgmq DROP TABLE pgmq.%I', a);
        EXECUTE format('DROP TABLE IF EXISTS pgmq.%I', q);
        EXECUTE format('DROP TABLE IF EXISTS pgmq.%I', a);
        DELETE FROM pgmq.meta m WHERE m.queue_name = drop_queue.queue_name;
        RETURN true;
    END $$;

CREATE FUNCTION pgmq.send(queue_name text, msg jsonb, delay integer DEFAULT 0) RETURNS SETOF bigint LANGUAGE plpgsql
    AS $$ BEGIN
        RETURN QUERY EXECUTE format('INSERT INTO pgmq.%I (vt, message) VALUES (clock_timestamp() + make_interval(secs => $1), $2) RETURNING msg_id',
            pgmq.format_table_name(queue_name, 'q')) USING delay, msg;
    END $$;

CREATE FUNCTION pgmq.send_batch(queue_name text, msgs jsonb[], delay integer DEFAULT 0) RETURNS SETOF bigint LANGUAGE plpgsql
    AS $$ BEGIN
        RETURN QUERY EXECUTE format('INSERT INTO pgmq.%I (vt, message) SELECT clock_timestamp() + make_interval(secs => $1), m FROM unnest($2) AS m RETURNING msg_id',
            pgmq.format_table_name(queue_name, 'q')) USING delay, msgs;
    END $$;

CREATE FUNCTION pgmq.read(queue_name text, vt integer, qty integer) RETURNS SETOF pgmq.message_record LANGUAGE plpgsql
    AS $$ BEGIN
        RETURN QUERY EXECUTE format(
            'WITH due AS (SELECT msg_id FROM pgmq.%1$I WHERE vt <= clock_timestamp() ORDER BY msg_id LIMIT $1 FOR UPDATE SKIP LOCKED) '
            'UPDATE pgmq.%1$I m SET vt = clock_timestamp() + make_interval(secs => $2), read_ct = read_ct + 1 FROM due '
            'WHERE m.msg_id = due.msg_id RETURNING m.msg_id, m.read_ct, m.enqueued_at, m.vt, m.message',
            pgmq.format_table_name(queue_name, 'q')) USING qty, vt;
    END $$;

CREATE FUNCTION pgmq.read_with_poll(queue_name text, vt integer, qty integer, max_poll_seconds integer DEFAULT 5,
    poll_interval_ms integer DEFAULT 100) RETURNS SETOF pgmq.message_record LANGUAGE sql
    AS $$ SELECT * FROM pgmq.read(queue_name, vt, qty) $$;

CREATE FUNCTION pgmq.pop(queue_name text) RETURNS SETOF pgmq.message_record LANGUAGE plpgsql
    AS $$ BEGIN
        RETURN QUERY EXECUTE format(
            'DELETE FROM pgmq.%1$I WHERE msg_id = (SELECT msg_id FROM pgmq.%1$I WHERE vt <= clock_timestamp() ORDER BY msg_id LIMIT 1 FOR UPDATE SKIP LOCKED) '
            'RETURNING msg_id, read_ct, enqueued_at, vt, message', pgmq.format_table_name(queue_name, 'q'));
    END $$;

CREATE FUNCTION pgmq.archive(queue_name text, msg_ids bigint[]) RETURNS SETOF bigint LANGUAGE plpgsql
    AS $$ BEGIN
        RETURN QUERY EXECUTE format(
            'WITH moved AS (DELETE FROM pgmq.%I WHERE msg_id = ANY($1) RETURNING msg_id, vt, read_ct, enqueued_at, message) '
            'INSERT INTO pgmq.%I (msg_id, vt, read_ct, enqueued_at, message) SELECT msg_id, vt, read_ct, enqueued_at, message FROM moved RETURNING msg_id',
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
            'RETURNING msg_id, read_ct, enqueued_at, vt, message', pgmq.format_table_name(queue_name, 'q')) USING vt, msg_id;
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
            'extract(epoch FROM now() - min(enqueued_at))::int, coalesce(max(msg_id), 0), now() FROM pgmq.%I',
            pgmq.format_table_name(queue_name, 'q')) INTO result USING queue_name;
        RETURN result;
    END $$;

CREATE FUNCTION pgmq.metrics_all() RETURNS SETOF pgmq.metrics_result LANGUAGE sql
    AS $$ SELECT (pgmq.metrics(queue_name)).* FROM pgmq.meta $$;
