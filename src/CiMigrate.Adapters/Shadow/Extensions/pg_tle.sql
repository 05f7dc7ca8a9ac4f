-- ci-migrate stand-in for pg_tle 1.4.0 (aws/pg_tle): signatures as its pg_tle--*.sql scripts leave them at 1.4.0.
-- Covers: the pgtle schema and the pgtle_admin role, the types pg_tle_features, password_types and
-- clientauth_port_subset, the table feature_info, install_extension, install_extension_version_sql,
-- install_update_path, set_default_version, uninstall_extension (and _if_exists), uninstall_update_path (and
-- _if_exists), available_extensions, available_extension_versions, extension_update_paths, register_feature and
-- unregister_feature (and _if_not_exists/_if_exists), create_shell_type, create_base_type and create_operator_func
-- (and _if_not_exists). Installed extensions are recorded and listed by available_extensions.
-- Does not cover: CREATE EXTENSION of an extension installed through pgtle.install_extension (database.dev
-- packages): that needs pg_tle's hooks, and the replay names it as unavailable; nor password or client-auth hooks.
-- control: default_version = '1.4.0'
-- control: relocatable = false
-- control: schema = pgtle
-- control: superuser = true

DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pgtle_admin') THEN
        CREATE ROLE pgtle_admin NOLOGIN;
    END IF;
END $$;
GRANT USAGE, CREATE ON SCHEMA pgtle TO pgtle_admin;

CREATE TYPE pgtle.pg_tle_features AS ENUM ('passcheck', 'clientauth');
CREATE TYPE pgtle.password_types AS ENUM ('PASSWORD_TYPE_PLAINTEXT', 'PASSWORD_TYPE_MD5', 'PASSWORD_TYPE_SCRAM_SHA_256');
CREATE TYPE pgtle.clientauth_port_subset AS (noblock boolean, remote_host text, remote_hostname text, remote_hostname_resolv integer,
    remote_hostname_errcode integer, database_name text, user_name text);

CREATE TABLE pgtle.feature_info (
    feature pgtle.pg_tle_features,
    schema_name text,
    proname text,
    obj_identity text NOT NULL,
    PRIMARY KEY (feature, schema_name, proname)
);
SELECT pg_catalog.pg_extension_config_dump('pgtle.feature_info', '');
GRANT SELECT ON pgtle.feature_info TO PUBLIC;

-- Where the stand-in keeps what install_extension received (pg_tle keeps it in functions of its own).
CREATE TABLE pgtle.stand_in_versions (
    name text NOT NULL,
    version text NOT NULL,
    description text,
    ext text,
    requires text[],
    is_default boolean NOT NULL DEFAULT false,
    PRIMARY KEY (name, version)
);
CREATE TABLE pgtle.stand_in_update_paths (name text, fromvers text, tovers text, ext text, PRIMARY KEY (name, fromvers, tovers));

CREATE FUNCTION pgtle.install_extension(name text, version text, description text, ext text, requires text[] DEFAULT NULL)
    RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = pgtle
    AS $$ BEGIN
        IF EXISTS (SELECT FROM pgtle.stand_in_versions v WHERE v.name = install_extension.name) THEN
            RAISE EXCEPTION 'extension "%" already installed', name USING ERRCODE = 'duplicate_object';
        END IF;
        INSERT INTO pgtle.stand_in_versions VALUES (name, version, description, ext, requires, true);
        RETURN true;
    END $$;
CREATE FUNCTION pgtle.install_extension_version_sql(name text, version text, ext text) RETURNS boolean LANGUAGE sql SECURITY DEFINER
    AS $$ INSERT INTO pgtle.stand_in_versions (name, version, ext) VALUES (name, version, ext) RETURNING true $$;
CREATE FUNCTION pgtle.install_update_path(name text, fromvers text, tovers text, ext text) RETURNS boolean LANGUAGE sql SECURITY DEFINER
    AS $$ INSERT INTO pgtle.stand_in_update_paths VALUES (name, fromvers, tovers, ext) RETURNING true $$;
CREATE FUNCTION pgtle.set_default_version(name text, version text) RETURNS boolean LANGUAGE sql SECURITY DEFINER
    AS $$ UPDATE pgtle.stand_in_versions v SET is_default = (v.version = set_default_version.version)
          WHERE v.name = set_default_version.name RETURNING true $$;
CREATE FUNCTION pgtle.uninstall_extension(extname text) RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER
    AS $$ BEGIN
        DELETE FROM pgtle.stand_in_update_paths WHERE name = extname;
        DELETE FROM pgtle.stand_in_versions WHERE name = extname;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'Extension % does not exist', extname USING ERRCODE = 'no_data_found';
        END IF;
        RETURN true;
    END $$;
CREATE FUNCTION pgtle.uninstall_extension(extname text, version text) RETURNS boolean LANGUAGE sql SECURITY DEFINER
    AS $$ DELETE FROM pgtle.stand_in_versions v WHERE v.name = extname AND v.version = uninstall_extension.version RETURNING true $$;
CREATE FUNCTION pgtle.uninstall_extension_if_exists(extname text) RETURNS boolean LANGUAGE sql SECURITY DEFINER
    AS $$ WITH gone AS (DELETE FROM pgtle.stand_in_versions WHERE name = extname RETURNING 1) SELECT EXISTS (SELECT FROM gone) $$;
CREATE FUNCTION pgtle.uninstall_update_path(extname text, fromvers text, tovers text) RETURNS boolean LANGUAGE sql SECURITY DEFINER
    AS $$ DELETE FROM pgtle.stand_in_update_paths p WHERE p.name = extname AND p.fromvers = uninstall_update_path.fromvers
          AND p.tovers = uninstall_update_path.tovers RETURNING true $$;
CREATE FUNCTION pgtle.uninstall_update_path_if_exists(extname text, fromvers text, tovers text) RETURNS boolean LANGUAGE sql SECURITY DEFINER
    AS $$ WITH gone AS (DELETE FROM pgtle.stand_in_update_paths p WHERE p.name = extname AND p.fromvers = uninstall_update_path_if_exists.fromvers
          AND p.tovers = uninstall_update_path_if_exists.tovers RETURNING 1) SELECT EXISTS (SELECT FROM gone) $$;

CREATE FUNCTION pgtle.available_extensions(OUT name name, OUT default_version text, OUT superuser boolean, OUT trusted boolean,
    OUT relocatable boolean, OUT schema name, OUT requires name[], OUT comment text) RETURNS SETOF record LANGUAGE sql STABLE
    AS $$ SELECT v.name, v.version, false, false, false, NULL::name, v.requires::name[], v.description
          FROM pgtle.stand_in_versions v WHERE v.is_default $$;
CREATE FUNCTION pgtle.available_extension_versions(OUT name name, OUT version text, OUT superuser boolean, OUT trusted boolean,
    OUT relocatable boolean, OUT schema name, OUT requires name[], OUT comment text) RETURNS SETOF record LANGUAGE sql STABLE
    AS $$ SELECT v.name, v.version, false, false, false, NULL::name, v.requires::name[], v.description FROM pgtle.stand_in_versions v $$;
CREATE FUNCTION pgtle.extension_update_paths(name name, OUT source text, OUT target text, OUT path text) RETURNS SETOF record LANGUAGE sql STABLE
    AS $$ SELECT p.fromvers, p.tovers, p.fromvers || '--' || p.tovers FROM pgtle.stand_in_update_paths p WHERE p.name = $1 $$;

CREATE FUNCTION pgtle.register_feature(proc regproc, feature pgtle.pg_tle_features) RETURNS void LANGUAGE sql
    AS $$ INSERT INTO pgtle.feature_info
          SELECT feature, n.nspname, p.proname, proc::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE p.oid = proc $$;
CREATE FUNCTION pgtle.register_feature_if_not_exists(proc regproc, feature pgtle.pg_tle_features) RETURNS bool LANGUAGE sql
    AS $$ WITH added AS (INSERT INTO pgtle.feature_info
              SELECT feature, n.nspname, p.proname, proc::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE p.oid = proc ON CONFLICT DO NOTHING RETURNING 1)
          SELECT EXISTS (SELECT FROM added) $$;
CREATE FUNCTION pgtle.unregister_feature(proc regproc, feature pgtle.pg_tle_features) RETURNS void LANGUAGE sql
    AS $$ DELETE FROM pgtle.feature_info f WHERE f.feature = unregister_feature.feature AND f.obj_identity = proc::regprocedure::text $$;
CREATE FUNCTION pgtle.unregister_feature_if_exists(proc regproc, feature pgtle.pg_tle_features) RETURNS bool LANGUAGE sql
    AS $$ WITH gone AS (DELETE FROM pgtle.feature_info f WHERE f.feature = unregister_feature_if_exists.feature
              AND f.obj_identity = proc::regprocedure::text RETURNING 1)
          SELECT EXISTS (SELECT FROM gone) $$;

CREATE FUNCTION pgtle.create_shell_type(typenamespace regnamespace, typename name) RETURNS void LANGUAGE plpgsql
    AS $$ BEGIN EXECUTE format('CREATE TYPE %I.%I', typenamespace, typename); END $$;
CREATE FUNCTION pgtle.create_shell_type_if_not_exists(typenamespace regnamespace, typename name) RETURNS boolean LANGUAGE plpgsql
    AS $$ BEGIN
        IF to_regtype(format('%I.%I', typenamespace, typename)) IS NOT NULL THEN
            RETURN false;
        END IF;
        PERFORM pgtle.create_shell_type(typenamespace, typename);
        RETURN true;
    END $$;
CREATE FUNCTION pgtle.create_base_type(typenamespace regnamespace, typename name, infunc regprocedure, outfunc regprocedure,
    internallength int4, alignment text DEFAULT 'int4', storage text DEFAULT 'plain') RETURNS void LANGUAGE plpgsql
    AS $$ BEGIN
        RAISE EXCEPTION 'pgtle.create_base_type is not available on the ci-migrate stand-in of pg_tle'
            USING HINT = 'Replay on a scratch database of a server with pg_tle: environments.<name>.shadow = "scratch".';
    END $$;
CREATE FUNCTION pgtle.create_base_type_if_not_exists(typenamespace regnamespace, typename name, infunc regprocedure, outfunc regprocedure,
    internallength int4, alignment text DEFAULT 'int4', storage text DEFAULT 'plain') RETURNS boolean LANGUAGE plpgsql
    AS $$ BEGIN
        PERFORM pgtle.create_base_type(typenamespace, typename, infunc, outfunc, internallength, alignment, storage);
        RETURN true;
    END $$;
CREATE FUNCTION pgtle.create_operator_func(typenamespace regnamespace, typename name, opfunc regprocedure) RETURNS void LANGUAGE sql
    AS $$ SELECT $$;
CREATE FUNCTION pgtle.create_operator_func_if_not_exists(typenamespace regnamespace, typename name, opfunc regprocedure) RETURNS boolean
    LANGUAGE sql AS $$ SELECT true $$;
