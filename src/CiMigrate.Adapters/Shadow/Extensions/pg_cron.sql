-- ci-migrate stand-in for pg_cron 1.6 (citusdata/pg_cron): signatures as in its pg_cron.sql and upgrade scripts.
-- Covers: the cron schema with cron.job and cron.job_run_details (their columns, sequences, row security and
-- policies), cron.schedule (with and without a job name), cron.schedule_in_database, cron.unschedule (by id and
-- by name), cron.alter_job; scheduling a job with the name of an existing one replaces it, as in pg_cron.
-- Creatable in any database and any schema (Supabase installs it WITH SCHEMA pg_catalog or extensions).
-- Does not cover: running jobs (there is no scheduler) and checking the cron syntax of a schedule.
-- control: default_version = '1.6'
-- control: relocatable = false

CREATE SCHEMA cron;

CREATE SEQUENCE cron.jobid_seq;
CREATE TABLE cron.job (
    jobid bigint PRIMARY KEY DEFAULT pg_catalog.nextval('cron.jobid_seq'),
    schedule text NOT NULL,
    command text NOT NULL,
    nodename text NOT NULL DEFAULT 'localhost',
    -- pg_cron fills in the server's port; over a unix socket inet_server_port() is null.
    nodeport int NOT NULL DEFAULT coalesce(pg_catalog.inet_server_port(), pg_catalog.current_setting('port')::int),
    database text NOT NULL DEFAULT pg_catalog.current_database(),
    username text NOT NULL DEFAULT current_user,
    active boolean NOT NULL DEFAULT true,
    jobname text,
    CONSTRAINT jobname_username_uniq UNIQUE (jobname, username)
);
GRANT SELECT ON cron.job TO public;
ALTER TABLE cron.job ENABLE ROW LEVEL SECURITY;
CREATE POLICY cron_job_policy ON cron.job USING (username OPERATOR(pg_catalog.=) current_user);

CREATE SEQUENCE cron.runid_seq;
CREATE TABLE cron.job_run_details (
    jobid bigint,
    runid bigint PRIMARY KEY DEFAULT pg_catalog.nextval('cron.runid_seq'),
    job_pid integer,
    database text,
    username text,
    command text,
    status text,
    return_message text,
    start_time timestamptz,
    end_time timestamptz
);
GRANT SELECT, DELETE ON cron.job_run_details TO public;
ALTER TABLE cron.job_run_details ENABLE ROW LEVEL SECURITY;
CREATE POLICY cron_job_run_details_policy ON cron.job_run_details USING (username OPERATOR(pg_catalog.=) current_user);
GRANT SELECT ON SEQUENCE cron.jobid_seq, cron.runid_seq TO public;

CREATE FUNCTION cron.schedule(schedule text, command text) RETURNS bigint LANGUAGE sql STRICT
    AS $$ INSERT INTO cron.job (schedule, command) VALUES (schedule, command) RETURNING jobid $$;
COMMENT ON FUNCTION cron.schedule(text, text) IS 'schedule a pg_cron job';

CREATE FUNCTION cron.schedule_in_database(job_name text, schedule text, command text, database text,
    username text DEFAULT NULL, active boolean DEFAULT 'true') RETURNS bigint LANGUAGE sql
    AS $$ INSERT INTO cron.job AS j (jobname, schedule, command, database, username, active)
          VALUES (job_name, schedule, command, database, coalesce(username, current_user), active)
          ON CONFLICT (jobname, username) DO UPDATE
              SET schedule = excluded.schedule, command = excluded.command, database = excluded.database, active = excluded.active
          RETURNING j.jobid $$;
COMMENT ON FUNCTION cron.schedule_in_database(text, text, text, text, text, boolean) IS 'schedule a pg_cron job';
REVOKE ALL ON FUNCTION cron.schedule_in_database(text, text, text, text, text, boolean) FROM public;

CREATE FUNCTION cron.schedule(job_name text, schedule text, command text) RETURNS bigint LANGUAGE sql
    AS $$ SELECT cron.schedule_in_database(job_name, schedule, command, pg_catalog.current_database()) $$;
COMMENT ON FUNCTION cron.schedule(text, text, text) IS 'schedule a pg_cron job';

CREATE FUNCTION cron.unschedule(job_id bigint) RETURNS bool LANGUAGE plpgsql STRICT
    AS $$ BEGIN
        DELETE FROM cron.job WHERE jobid = job_id;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'could not find valid entry for job %', job_id;
        END IF;
        RETURN true;
    END $$;
COMMENT ON FUNCTION cron.unschedule(bigint) IS 'unschedule a pg_cron job';

CREATE FUNCTION cron.unschedule(job_name text) RETURNS bool LANGUAGE plpgsql STRICT
    AS $$ BEGIN
        DELETE FROM cron.job WHERE jobname = job_name AND username = current_user;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'could not find valid entry for job ''%''', job_name;
        END IF;
        RETURN true;
    END $$;
COMMENT ON FUNCTION cron.unschedule(text) IS 'unschedule a pg_cron job';

CREATE FUNCTION cron.alter_job(job_id bigint, schedule text DEFAULT NULL, command text DEFAULT NULL,
    database text DEFAULT NULL, username text DEFAULT NULL, active boolean DEFAULT NULL) RETURNS void LANGUAGE sql
    AS $$ UPDATE cron.job j SET schedule = coalesce(alter_job.schedule, j.schedule), command = coalesce(alter_job.command, j.command),
              database = coalesce(alter_job.database, j.database), username = coalesce(alter_job.username, j.username),
              active = coalesce(alter_job.active, j.active)
          WHERE j.jobid = job_id $$;
COMMENT ON FUNCTION cron.alter_job(bigint, text, text, text, text, boolean)
    IS 'Alter the job identified by job_id. Any option left as NULL will not be modified.';
REVOKE ALL ON FUNCTION cron.alter_job(bigint, text, text, text, text, boolean) FROM public;
