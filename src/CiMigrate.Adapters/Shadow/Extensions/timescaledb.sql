-- ci-migrate stand-in for timescaledb 2.16 (timescale/timescaledb, Supabase's on PostgreSQL 15): signatures as in its
-- sql/ddl_api.sql, policy_api.sql, job_api.sql and time_bucket.sql at 2.16.1.
-- Covers: the schemas _timescaledb_catalog, _timescaledb_functions, _timescaledb_internal, _timescaledb_config,
-- timescaledb_information and timescaledb_experimental; create_hypertable (both forms), by_range, by_hash,
-- add_dimension, set_chunk_time_interval, set_partitioning_interval, set_number_partitions, the retention,
-- compression, reorder and continuous-aggregate policies (add/remove), add_job, alter_job, delete_job, drop_chunks,
-- show_chunks, chunk skipping, tablespaces, and time_bucket (every overload, computed); hypertables and jobs are
-- recorded and shown by timescaledb_information.hypertables and timescaledb_information.jobs. As with TimescaleDB, the
-- records follow the table: dropping it (by DROP TABLE, or DROP SCHEMA ... CASCADE) drops its hypertable, dimension and
-- job records, so a history that drops and re-creates a table may make it a hypertable again.
-- Does not cover: chunking (a hypertable stays one plain table), running jobs, and the table options TimescaleDB
-- adds to PostgreSQL: ALTER TABLE ... SET (timescaledb.compress) and CREATE MATERIALIZED VIEW ... WITH
-- (timescaledb.continuous) fail on this shadow. Arguments TimescaleDB types as "any" are anyelement here.
-- control: default_version = '2.16.1'
-- control: relocatable = false

CREATE SCHEMA _timescaledb_catalog; CREATE SCHEMA _timescaledb_functions; CREATE SCHEMA _timescaledb_internal;
CREATE SCHEMA _timescaledb_config; CREATE SCHEMA timescaledb_information; CREATE SCHEMA timescaledb_experimental;
GRANT USAGE ON SCHEMA _timescaledb_catalog, _timescaledb_functions, _timescaledb_internal, _timescaledb_config,
    timescaledb_information, timescaledb_experimental TO PUBLIC;

CREATE TYPE _timescaledb_internal.dimension_info AS (column_name name, kind text, partition_interval text, number_partitions integer,
    partition_func regproc);

CREATE TABLE _timescaledb_catalog.hypertable (
    id serial PRIMARY KEY,
    schema_name name NOT NULL,
    table_name name NOT NULL,
    UNIQUE (schema_name, table_name)
);
CREATE TABLE _timescaledb_catalog.dimension (
    id serial PRIMARY KEY,
    hypertable_id integer NOT NULL REFERENCES _timescaledb_catalog.hypertable (id) ON DELETE CASCADE,
    column_name name NOT NULL,
    kind text NOT NULL,
    partition_interval text,
    num_slices integer
);
CREATE TABLE _timescaledb_config.bgw_job (
    id serial PRIMARY KEY,
    application_name name NOT NULL,
    schedule_interval interval NOT NULL,
    proc_schema name NOT NULL,
    proc_name name NOT NULL,
    scheduled bool NOT NULL DEFAULT true,
    config jsonb,
    hypertable_id integer REFERENCES _timescaledb_catalog.hypertable (id) ON DELETE CASCADE,
    fixed_schedule bool NOT NULL DEFAULT true,
    initial_start timestamptz,
    timezone text
);
GRANT SELECT ON ALL TABLES IN SCHEMA _timescaledb_catalog, _timescaledb_config TO PUBLIC;

-- TimescaleDB drops a hypertable's catalog rows in its own drop hook; an event trigger is the SQL way to the same
-- effect (its dimensions and jobs go by their ON DELETE CASCADE).
CREATE FUNCTION _timescaledb_functions.drop_hypertable_records() RETURNS event_trigger LANGUAGE plpgsql
    AS $$ BEGIN
        DELETE FROM _timescaledb_catalog.hypertable h
        USING pg_event_trigger_dropped_objects() d
        WHERE d.object_type = 'table' AND d.schema_name = h.schema_name AND d.object_name = h.table_name;
    END $$;
CREATE EVENT TRIGGER timescaledb_drop_hypertable_records ON sql_drop
    EXECUTE FUNCTION _timescaledb_functions.drop_hypertable_records();
CREATE VIEW timescaledb_information.hypertables AS
SELECT h.schema_name AS hypertable_schema, h.table_name AS hypertable_name, c.relowner::regrole::name AS owner,
       (SELECT count(*)::smallint FROM _timescaledb_catalog.dimension d WHERE d.hypertable_id = h.id) AS num_dimensions,
       0::bigint AS num_chunks, false AS compression_enabled, NULL::name[] AS tablespaces
FROM _timescaledb_catalog.hypertable h
JOIN pg_class c ON c.oid = format('%I.%I', h.schema_name, h.table_name)::regclass;

CREATE VIEW timescaledb_information.jobs AS
SELECT j.id AS job_id, j.application_name, j.schedule_interval, NULL::interval AS max_runtime, -1 AS max_retries,
       NULL::interval AS retry_period, j.proc_schema, j.proc_name, current_user::name AS owner, j.scheduled, j.fixed_schedule,
       j.config, NULL::timestamptz AS next_start, j.initial_start, h.schema_name AS hypertable_schema, h.table_name AS hypertable_name,
       NULL::name AS check_schema, NULL::name AS check_name
FROM _timescaledb_config.bgw_job j LEFT JOIN _timescaledb_catalog.hypertable h ON h.id = j.hypertable_id;
GRANT SELECT ON ALL TABLES IN SCHEMA timescaledb_information TO PUBLIC;
CREATE FUNCTION _timescaledb_functions.calculate_chunk_interval(dimension_id integer, dimension_coord bigint, chunk_target_size bigint)
    RETURNS bigint LANGUAGE sql AS $$ SELECT -1::bigint $$;

CREATE FUNCTION _timescaledb_functions.hypertable_id(relation regclass) RETURNS integer LANGUAGE plpgsql
    AS $$
    DECLARE
        found integer;
    BEGIN
        SELECT h.id INTO found FROM _timescaledb_catalog.hypertable h JOIN pg_class c ON c.relname = h.table_name
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = h.schema_name WHERE c.oid = relation;
        IF found IS NULL THEN
            RAISE EXCEPTION 'table "%" is not a hypertable', relation USING ERRCODE = 'TS102';
        END IF;
        RETURN found;
    END $$;

CREATE FUNCTION _timescaledb_functions.add_hypertable(relation regclass, dimension _timescaledb_internal.dimension_info, if_not_exists boolean)
    RETURNS TABLE (hypertable_id int, schema_name name, table_name name, created bool) LANGUAGE plpgsql
    AS $$
    DECLARE
        rel record;
        existing integer;
    BEGIN
        SELECT n.nspname, c.relname INTO rel FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = relation;
        SELECT h.id INTO existing FROM _timescaledb_catalog.hypertable h WHERE h.schema_name = rel.nspname AND h.table_name = rel.relname;
        IF existing IS NOT NULL THEN
            IF NOT if_not_exists THEN
                RAISE EXCEPTION 'table "%" is already a hypertable', rel.relname USING ERRCODE = 'TS110';
            END IF;
            RAISE NOTICE 'table "%" is already a hypertable, skipping', rel.relname;
            RETURN QUERY SELECT existing, rel.nspname, rel.relname, false;
            RETURN;
        END IF;
        IF NOT EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = relation AND a.attname = dimension.column_name AND NOT a.attisdropped) THEN
            RAISE EXCEPTION 'column "%" does not exist', dimension.column_name USING ERRCODE = 'undefined_column';
        END IF;
        INSERT INTO _timescaledb_catalog.hypertable (schema_name, table_name) VALUES (rel.nspname, rel.relname) RETURNING id INTO existing;
        INSERT INTO _timescaledb_catalog.dimension (hypertable_id, column_name, kind, partition_interval, num_slices)
        VALUES (existing, dimension.column_name, dimension.kind, dimension.partition_interval, dimension.number_partitions);
        RETURN QUERY SELECT existing, rel.nspname, rel.relname, true;
    END $$;

CREATE FUNCTION @extschema@.by_range(column_name name, partition_interval anyelement = NULL::bigint, partition_func regproc = NULL)
    RETURNS _timescaledb_internal.dimension_info LANGUAGE sql
    AS $$ SELECT (column_name, 'range', partition_interval::text, NULL::integer, partition_func)::_timescaledb_internal.dimension_info $$;
CREATE FUNCTION @extschema@.by_hash(column_name name, number_partitions integer, partition_func regproc = NULL)
    RETURNS _timescaledb_internal.dimension_info LANGUAGE sql
    AS $$ SELECT (column_name, 'hash', NULL::text, number_partitions, partition_func)::_timescaledb_internal.dimension_info $$;

CREATE FUNCTION @extschema@.create_hypertable(relation regclass, time_column_name name, partitioning_column name = NULL,
    number_partitions integer = NULL, associated_schema_name name = NULL, associated_table_prefix name = NULL,
    chunk_time_interval anyelement = NULL::bigint, create_default_indexes boolean = true, if_not_exists boolean = false,
    partitioning_func regproc = NULL, migrate_data boolean = false, chunk_target_size text = NULL,
    chunk_sizing_func regproc = '_timescaledb_functions.calculate_chunk_interval'::regproc, time_partitioning_func regproc = NULL)
    RETURNS TABLE (hypertable_id int, schema_name name, table_name name, created bool) LANGUAGE sql
    AS $$ SELECT * FROM _timescaledb_functions.add_hypertable(relation,
              (time_column_name, 'range', chunk_time_interval::text, NULL::integer, time_partitioning_func)::_timescaledb_internal.dimension_info,
              if_not_exists) $$;
CREATE FUNCTION @extschema@.create_hypertable(relation regclass, dimension _timescaledb_internal.dimension_info,
    create_default_indexes boolean = true, if_not_exists boolean = false, migrate_data boolean = false)
    RETURNS TABLE (hypertable_id int, created bool) LANGUAGE sql
    AS $$ SELECT h.hypertable_id, h.created FROM _timescaledb_functions.add_hypertable(relation, dimension, if_not_exists) h $$;

CREATE FUNCTION @extschema@.add_dimension(hypertable regclass, column_name name, number_partitions integer = NULL,
    chunk_time_interval anyelement = NULL::bigint, partitioning_func regproc = NULL, if_not_exists boolean = false)
    RETURNS TABLE (dimension_id int, schema_name name, table_name name, column_name name, created bool) LANGUAGE sql
    AS $$ WITH d AS (INSERT INTO _timescaledb_catalog.dimension (hypertable_id, column_name, kind, partition_interval, num_slices)
                     VALUES (_timescaledb_functions.hypertable_id(hypertable), add_dimension.column_name,
                             CASE WHEN number_partitions IS NULL THEN 'range' ELSE 'hash' END, chunk_time_interval::text, number_partitions)
                     RETURNING id, hypertable_id, column_name)
          SELECT d.id, h.schema_name, h.table_name, d.column_name, true FROM d JOIN _timescaledb_catalog.hypertable h ON h.id = d.hypertable_id $$;
CREATE FUNCTION @extschema@.add_dimension(hypertable regclass, dimension _timescaledb_internal.dimension_info, if_not_exists boolean = false)
    RETURNS TABLE (dimension_id int, created bool) LANGUAGE sql
    AS $$ INSERT INTO _timescaledb_catalog.dimension (hypertable_id, column_name, kind, partition_interval, num_slices)
          VALUES (_timescaledb_functions.hypertable_id(hypertable), dimension.column_name, dimension.kind, dimension.partition_interval,
                  dimension.number_partitions)
          RETURNING id, true $$;

CREATE FUNCTION @extschema@.set_chunk_time_interval(hypertable regclass, chunk_time_interval anyelement, dimension_name name = NULL)
    RETURNS void LANGUAGE sql
    AS $$ UPDATE _timescaledb_catalog.dimension SET partition_interval = chunk_time_interval::text
          WHERE hypertable_id = _timescaledb_functions.hypertable_id(hypertable) AND kind = 'range'
            AND (dimension_name IS NULL OR column_name = dimension_name) $$;
CREATE FUNCTION @extschema@.set_partitioning_interval(hypertable regclass, partition_interval anyelement, dimension_name name = NULL)
    RETURNS void LANGUAGE sql
    AS $$ SELECT @extschema@.set_chunk_time_interval(hypertable, partition_interval, dimension_name) $$;
CREATE FUNCTION @extschema@.set_number_partitions(hypertable regclass, number_partitions integer, dimension_name name = NULL)
    RETURNS void LANGUAGE sql
    AS $$ UPDATE _timescaledb_catalog.dimension SET num_slices = number_partitions
          WHERE hypertable_id = _timescaledb_functions.hypertable_id(hypertable) AND kind = 'hash'
            AND (dimension_name IS NULL OR column_name = dimension_name) $$;
CREATE FUNCTION @extschema@.set_adaptive_chunking(hypertable regclass, chunk_target_size text,
    INOUT chunk_sizing_func regproc = '_timescaledb_functions.calculate_chunk_interval'::regproc, OUT chunk_target_size bigint)
    RETURNS record LANGUAGE sql AS $$ SELECT chunk_sizing_func, 0::bigint $$;

CREATE FUNCTION _timescaledb_functions.add_policy_job(application_name name, proc_name name, relation regclass, config jsonb,
    if_not_exists boolean, schedule_interval interval, initial_start timestamptz, timezone text) RETURNS integer LANGUAGE plpgsql
    AS $$
    DECLARE
        hypertable integer := _timescaledb_functions.hypertable_id(relation);
        existing integer;
    BEGIN
        SELECT id INTO existing FROM _timescaledb_config.bgw_job j WHERE j.hypertable_id = hypertable AND j.proc_name = add_policy_job.proc_name;
        IF existing IS NOT NULL THEN
            IF NOT if_not_exists THEN
                RAISE EXCEPTION '% policy already exists for hypertable "%"', application_name, relation USING ERRCODE = 'duplicate_object';
            END IF;
            RETURN -1;
        END IF;
        INSERT INTO _timescaledb_config.bgw_job (application_name, schedule_interval, proc_schema, proc_name, config, hypertable_id,
            initial_start, timezone)
        VALUES (application_name, coalesce(schedule_interval, interval '1 day'), '_timescaledb_functions', proc_name, config, hypertable,
            initial_start, timezone)
        RETURNING id INTO existing;
        RETURN existing;
    END $$;

CREATE FUNCTION _timescaledb_functions.remove_policy_job(relation regclass, proc_name name, if_exists boolean) RETURNS boolean LANGUAGE plpgsql
    AS $$ BEGIN
        DELETE FROM _timescaledb_config.bgw_job j
        WHERE j.hypertable_id = _timescaledb_functions.hypertable_id(relation) AND j.proc_name = remove_policy_job.proc_name;
        IF NOT FOUND AND NOT coalesce(if_exists, false) THEN
            RAISE EXCEPTION 'policy not found for hypertable "%"', relation USING ERRCODE = 'undefined_object';
        END IF;
        RETURN FOUND;
    END $$;

CREATE FUNCTION @extschema@.add_retention_policy(relation regclass, drop_after anyelement = NULL, if_not_exists bool = false,
    schedule_interval interval = NULL, initial_start timestamptz = NULL, timezone text = NULL, drop_created_before interval = NULL)
    RETURNS integer LANGUAGE sql
    AS $$ SELECT _timescaledb_functions.add_policy_job('Retention Policy', 'policy_retention', relation,
              jsonb_build_object('drop_after', drop_after::text, 'drop_created_before', drop_created_before), if_not_exists,
              schedule_interval, initial_start, timezone) $$;
CREATE FUNCTION @extschema@.remove_retention_policy(relation regclass, if_exists bool = false) RETURNS void LANGUAGE sql
    AS $$ SELECT _timescaledb_functions.remove_policy_job(relation, 'policy_retention', if_exists) $$;
CREATE FUNCTION @extschema@.add_compression_policy(hypertable regclass, compress_after anyelement = NULL, if_not_exists bool = false,
    schedule_interval interval = NULL, initial_start timestamptz = NULL, timezone text = NULL, compress_created_before interval = NULL)
    RETURNS integer LANGUAGE sql
    AS $$ SELECT _timescaledb_functions.add_policy_job('Compression Policy', 'policy_compression', hypertable,
              jsonb_build_object('compress_after', compress_after::text, 'compress_created_before', compress_created_before), if_not_exists,
              schedule_interval, initial_start, timezone) $$;
CREATE FUNCTION @extschema@.remove_compression_policy(hypertable regclass, if_exists bool = false) RETURNS bool LANGUAGE sql
    AS $$ SELECT _timescaledb_functions.remove_policy_job(hypertable, 'policy_compression', if_exists) $$;
CREATE FUNCTION @extschema@.add_reorder_policy(hypertable regclass, index_name name, if_not_exists bool = false,
    initial_start timestamptz = NULL, timezone text = NULL) RETURNS integer LANGUAGE sql
    AS $$ SELECT _timescaledb_functions.add_policy_job('Reorder Policy', 'policy_reorder', hypertable,
              jsonb_build_object('index_name', index_name), if_not_exists, NULL, initial_start, timezone) $$;
CREATE FUNCTION @extschema@.remove_reorder_policy(hypertable regclass, if_exists bool = false) RETURNS void LANGUAGE sql
    AS $$ SELECT _timescaledb_functions.remove_policy_job(hypertable, 'policy_reorder', if_exists) $$;
CREATE FUNCTION @extschema@.add_continuous_aggregate_policy(continuous_aggregate regclass, start_offset anyelement, end_offset anyelement,
    schedule_interval interval, if_not_exists bool = false, initial_start timestamptz = NULL, timezone text = NULL)
    RETURNS integer LANGUAGE plpgsql
    AS $$ BEGIN
        RAISE EXCEPTION 'continuous aggregates are not available on the ci-migrate stand-in of timescaledb'
            USING HINT = 'Replay on a scratch database of a server with timescaledb: environments.<name>.shadow = "scratch".';
    END $$;
CREATE FUNCTION @extschema@.remove_continuous_aggregate_policy(continuous_aggregate regclass, if_not_exists bool = false,
    if_exists bool = NULL) RETURNS void LANGUAGE sql AS $$ SELECT $$;

CREATE FUNCTION @extschema@.add_job(proc regproc, schedule_interval interval, config jsonb DEFAULT NULL, initial_start timestamptz DEFAULT NULL,
    scheduled bool DEFAULT true, check_config regproc DEFAULT NULL, fixed_schedule bool DEFAULT true, timezone text DEFAULT NULL)
    RETURNS integer LANGUAGE sql
    AS $$ INSERT INTO _timescaledb_config.bgw_job (application_name, schedule_interval, proc_schema, proc_name, scheduled, config,
              fixed_schedule, initial_start, timezone)
          SELECT 'User-Defined Action', schedule_interval, n.nspname, p.proname, scheduled, config, fixed_schedule, initial_start, timezone
          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.oid = proc
          RETURNING id $$;
CREATE FUNCTION @extschema@.alter_job(job_id integer, schedule_interval interval = NULL, max_runtime interval = NULL,
    max_retries integer = NULL, retry_period interval = NULL, scheduled bool = NULL, config jsonb = NULL, next_start timestamptz = NULL,
    if_exists bool = false, check_config regproc = NULL, fixed_schedule bool = NULL, initial_start timestamptz = NULL, timezone text DEFAULT NULL)
    RETURNS TABLE (job_id integer, schedule_interval interval, max_runtime interval, max_retries integer, retry_period interval,
        scheduled bool, config jsonb, next_start timestamptz, check_config text, fixed_schedule bool, initial_start timestamptz, timezone text)
    LANGUAGE sql
    AS $$ UPDATE _timescaledb_config.bgw_job j
          SET schedule_interval = coalesce(alter_job.schedule_interval, j.schedule_interval), scheduled = coalesce(alter_job.scheduled, j.scheduled),
              config = coalesce(alter_job.config, j.config), fixed_schedule = coalesce(alter_job.fixed_schedule, j.fixed_schedule),
              initial_start = coalesce(alter_job.initial_start, j.initial_start), timezone = coalesce(alter_job.timezone, j.timezone)
          WHERE j.id = alter_job.job_id
          RETURNING j.id, j.schedule_interval, NULL::interval, -1, NULL::interval, j.scheduled, j.config, NULL::timestamptz, NULL::text,
                    j.fixed_schedule, j.initial_start, j.timezone $$;
CREATE FUNCTION @extschema@.delete_job(job_id integer) RETURNS void LANGUAGE sql
    AS $$ DELETE FROM _timescaledb_config.bgw_job WHERE id = job_id $$;

CREATE FUNCTION @extschema@.drop_chunks(relation regclass, older_than anyelement = NULL, newer_than anyelement = NULL, verbose boolean = false,
    created_before anyelement = NULL, created_after anyelement = NULL) RETURNS SETOF text LANGUAGE sql
    AS $$ SELECT NULL::text WHERE _timescaledb_functions.hypertable_id(relation) IS NULL $$;
CREATE FUNCTION @extschema@.show_chunks(relation regclass, older_than anyelement = NULL, newer_than anyelement = NULL,
    created_before anyelement = NULL, created_after anyelement = NULL) RETURNS SETOF regclass LANGUAGE sql
    AS $$ SELECT NULL::regclass WHERE _timescaledb_functions.hypertable_id(relation) IS NULL $$;
CREATE FUNCTION @extschema@.enable_chunk_skipping(hypertable regclass, column_name name, if_not_exists boolean = false)
    RETURNS TABLE (column_stats_id int, enabled bool) LANGUAGE sql
    AS $$ SELECT _timescaledb_functions.hypertable_id(hypertable), true $$;
CREATE FUNCTION @extschema@.disable_chunk_skipping(hypertable regclass, column_name name, if_not_exists boolean = false)
    RETURNS TABLE (hypertable_id int, column_name name, disabled bool) LANGUAGE sql
    AS $$ SELECT _timescaledb_functions.hypertable_id(hypertable), column_name, true $$;
CREATE FUNCTION @extschema@.attach_tablespace(tablespace name, hypertable regclass, if_not_attached boolean = false) RETURNS void LANGUAGE sql AS $$ SELECT $$;
CREATE FUNCTION @extschema@.detach_tablespace(tablespace name, hypertable regclass = NULL, if_attached boolean = false) RETURNS integer LANGUAGE sql AS $$ SELECT 0 $$;
CREATE FUNCTION @extschema@.detach_tablespaces(hypertable regclass) RETURNS integer LANGUAGE sql AS $$ SELECT 0 $$;
CREATE FUNCTION @extschema@.show_tablespaces(hypertable regclass) RETURNS SETOF name LANGUAGE sql AS $$ SELECT NULL::name WHERE false $$;

-- time_bucket: TimescaleDB's default origin for interval buckets is Monday 2000-01-03.
CREATE FUNCTION @extschema@.time_bucket(bucket_width smallint, ts smallint) RETURNS smallint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT (ts - ((ts % bucket_width) + bucket_width) % bucket_width)::smallint $$;
CREATE FUNCTION @extschema@.time_bucket(bucket_width int, ts int) RETURNS int LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT ts - ((ts % bucket_width) + bucket_width) % bucket_width $$;
CREATE FUNCTION @extschema@.time_bucket(bucket_width bigint, ts bigint) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT ts - ((ts % bucket_width) + bucket_width) % bucket_width $$;
CREATE FUNCTION @extschema@.time_bucket(bucket_width smallint, ts smallint, "offset" smallint) RETURNS smallint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT (@extschema@.time_bucket(bucket_width, (ts - "offset")::smallint) + "offset")::smallint $$;
CREATE FUNCTION @extschema@.time_bucket(bucket_width int, ts int, "offset" int) RETURNS int LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT @extschema@.time_bucket(bucket_width, ts - "offset") + "offset" $$;
CREATE FUNCTION @extschema@.time_bucket(bucket_width bigint, ts bigint, "offset" bigint) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT @extschema@.time_bucket(bucket_width, ts - "offset") + "offset" $$;
CREATE FUNCTION @extschema@.time_bucket(bucket_width interval, ts timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT date_bin(bucket_width, ts, timestamptz '2000-01-03 00:00:00+00') $$;
CREATE FUNCTION @extschema@.time_bucket(bucket_width interval, ts timestamptz, "offset" interval) RETURNS timestamptz LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT date_bin(bucket_width, ts - "offset", timestamptz '2000-01-03 00:00:00+00') + "offset" $$;
CREATE FUNCTION @extschema@.time_bucket(bucket_width interval, ts timestamptz, origin timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT date_bin(bucket_width, ts, origin) $$;
CREATE FUNCTION @extschema@.time_bucket(bucket_width interval, ts timestamptz, timezone text, origin timestamptz DEFAULT NULL,
    "offset" interval DEFAULT NULL) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (date_bin(bucket_width, (ts AT TIME ZONE timezone) - coalesce("offset", '0'),
              coalesce(origin AT TIME ZONE timezone, timestamp '2000-01-03')) + coalesce("offset", '0')) AT TIME ZONE timezone $$;
CREATE FUNCTION @extschema@.time_bucket(bucket_width interval, ts timestamp) RETURNS timestamp LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT date_bin(bucket_width, ts, timestamp '2000-01-03') $$;
CREATE FUNCTION @extschema@.time_bucket(bucket_width interval, ts timestamp, "offset" interval) RETURNS timestamp LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT date_bin(bucket_width, ts - "offset", timestamp '2000-01-03') + "offset" $$;
CREATE FUNCTION @extschema@.time_bucket(bucket_width interval, ts timestamp, origin timestamp) RETURNS timestamp LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT date_bin(bucket_width, ts, origin) $$;
CREATE FUNCTION @extschema@.time_bucket(bucket_width interval, ts date) RETURNS date LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT date_bin(bucket_width, ts::timestamp, timestamp '2000-01-03')::date $$;
CREATE FUNCTION @extschema@.time_bucket(bucket_width interval, ts date, "offset" interval) RETURNS date LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT (date_bin(bucket_width, ts - "offset", timestamp '2000-01-03') + "offset")::date $$;
CREATE FUNCTION @extschema@.time_bucket(bucket_width interval, ts date, origin date) RETURNS date LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT date_bin(bucket_width, ts::timestamp, origin::timestamp)::date $$;
