-- ci-migrate stand-in for pg_net 0.19 (supabase/pg_net): signatures as in its sql/pg_net.sql.
-- Covers: the net schema with its request queue and response tables, the types net.http_method,
-- net.request_status, net.http_response and net.http_response_result, and net.http_get, net.http_post,
-- net.http_delete, net._http_collect_response, net.http_collect_response, net.worker_restart,
-- net.wait_until_running, net.wake and net.check_worker_is_up, with the grants pg_net gives; a trigger function
-- calling net.http_post(...) replays, and a call queues its request as pg_net does.
-- Does not cover: sending anything. There is no background worker: queued requests stay queued, without response.
-- control: default_version = '0.19.5'
-- control: relocatable = false

CREATE SCHEMA IF NOT EXISTS net;

CREATE DOMAIN net.http_method AS text CHECK (value ILIKE 'get' OR value ILIKE 'post' OR value ILIKE 'delete');

CREATE UNLOGGED TABLE net.http_request_queue (
    id bigserial,
    method net.http_method NOT NULL,
    url text NOT NULL,
    headers jsonb,
    body bytea,
    timeout_milliseconds int NOT NULL
);

CREATE UNLOGGED TABLE net._http_response (
    id bigint,
    status_code integer,
    content_type text,
    headers jsonb,
    content text,
    timed_out bool,
    error_msg text,
    created timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON net._http_response (created);

CREATE TYPE net.request_status AS ENUM ('PENDING', 'SUCCESS', 'ERROR');
CREATE TYPE net.http_response AS (status_code integer, headers jsonb, body text);
CREATE TYPE net.http_response_result AS (status net.request_status, message text, response net.http_response);

-- No worker here: it counts as up, and waking or restarting it does nothing.
CREATE FUNCTION net.check_worker_is_up() RETURNS void LANGUAGE sql AS $$ SELECT $$;
CREATE FUNCTION net.worker_restart() RETURNS bool LANGUAGE sql AS $$ SELECT true $$;
CREATE FUNCTION net.wait_until_running() RETURNS void LANGUAGE sql AS $$ SELECT $$;
CREATE FUNCTION net.wake() RETURNS void LANGUAGE sql AS $$ SELECT $$;

CREATE FUNCTION net._await_response(request_id bigint) RETURNS bool LANGUAGE sql
    AS $$ SELECT EXISTS (SELECT FROM net._http_response r WHERE r.id = request_id) $$;

CREATE FUNCTION net._urlencode_string(string varchar) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT string_agg(CASE WHEN c ~ '[A-Za-z0-9_.~-]' THEN c
                                 ELSE regexp_replace(upper(encode(convert_to(c, 'UTF8'), 'hex')), '(..)', '%\1', 'g') END,
                            '' ORDER BY i)
          FROM regexp_split_to_table(string, '') WITH ORDINALITY AS t(c, i) $$;

CREATE FUNCTION net._encode_url_with_params_array(url text, params_array text[]) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE WHEN cardinality(params_array) = 0 THEN url
                      ELSE url || CASE WHEN strpos(url, '?') > 0 THEN '&' ELSE '?' END || array_to_string(params_array, '&') END $$;

CREATE FUNCTION net._params_array(params jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE
    AS $$ SELECT coalesce(array_agg(net._urlencode_string(key) || '=' || net._urlencode_string(value)), '{}')
          FROM jsonb_each_text(params) $$;

CREATE FUNCTION net.http_get(url text, params jsonb DEFAULT '{}'::jsonb, headers jsonb DEFAULT '{}'::jsonb,
    timeout_milliseconds int DEFAULT 5000) RETURNS bigint LANGUAGE sql
    AS $$ INSERT INTO net.http_request_queue (method, url, headers, timeout_milliseconds)
          VALUES ('GET', net._encode_url_with_params_array(url, net._params_array(params)), headers, timeout_milliseconds)
          RETURNING id $$;

CREATE FUNCTION net.http_post(url text, body jsonb DEFAULT '{}'::jsonb, params jsonb DEFAULT '{}'::jsonb,
    headers jsonb DEFAULT '{"Content-Type": "application/json"}'::jsonb, timeout_milliseconds int DEFAULT 5000)
    RETURNS bigint LANGUAGE plpgsql
    AS $$
    DECLARE
        content_type text := (SELECT v FROM jsonb_each_text(coalesce(headers, '{}')) AS h(k, v) WHERE lower(k) = 'content-type' LIMIT 1);
        request_id bigint;
    BEGIN
        -- As pg_net: JSON bodies only, and the header is added when missing.
        IF content_type IS NULL THEN
            headers := coalesce(headers, '{}') || '{"Content-Type": "application/json"}';
        ELSIF content_type <> 'application/json' THEN
            RAISE EXCEPTION 'Content-Type header must be "application/json"';
        END IF;
        INSERT INTO net.http_request_queue (method, url, headers, body, timeout_milliseconds)
        VALUES ('POST', net._encode_url_with_params_array(url, net._params_array(params)), headers,
                convert_to(body::text, 'UTF8'), timeout_milliseconds)
        RETURNING id INTO request_id;
        RETURN request_id;
    END $$;

CREATE FUNCTION net.http_delete(url text, params jsonb DEFAULT '{}'::jsonb, headers jsonb DEFAULT '{}'::jsonb,
    timeout_milliseconds int DEFAULT 5000, body jsonb DEFAULT NULL) RETURNS bigint LANGUAGE sql
    AS $$ INSERT INTO net.http_request_queue (method, url, headers, body, timeout_milliseconds)
          VALUES ('DELETE', net._encode_url_with_params_array(url, net._params_array(params)), headers,
                  convert_to(body::text, 'UTF8'), timeout_milliseconds)
          RETURNING id $$;

CREATE FUNCTION net._http_collect_response(request_id bigint, async bool DEFAULT true)
    RETURNS net.http_response_result LANGUAGE sql
    AS $$ SELECT CASE WHEN r.id IS NULL OR r.error_msg IS NOT NULL
                      THEN ('ERROR', coalesce(r.error_msg, 'request matching request_id not found'), NULL)::net.http_response_result
                      ELSE ('SUCCESS', 'ok', (r.status_code, r.headers, r.content)::net.http_response)::net.http_response_result END
          FROM (SELECT request_id) AS q LEFT JOIN net._http_response r ON r.id = q.request_id $$;

CREATE FUNCTION net.http_collect_response(request_id bigint, async bool DEFAULT true)
    RETURNS net.http_response_result LANGUAGE sql
    AS $$ SELECT net._http_collect_response(request_id, async) $$;

GRANT USAGE ON SCHEMA net TO PUBLIC;
GRANT ALL ON ALL SEQUENCES IN SCHEMA net TO PUBLIC;
GRANT ALL ON ALL TABLES IN SCHEMA net TO PUBLIC;
