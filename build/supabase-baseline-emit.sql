-- Writes the objects of the database it runs in (a project replayed by build/supabase-fresh-project.py) as ci-migrate's
-- own idempotent DDL, one statement per row, in an order that creates what each needs first. Only facts are taken:
-- names, types, defaults, constraints, indexes, privileges, owners. Function bodies are not: every function gets a
-- neutral body here, and SupabaseBaselineBehaviour.sql gives the few that migrations run their own behaviour.
-- Every name is written schema-qualified: the search path is only pg_catalog.
SET search_path = pg_catalog;
WITH schemas AS (
    SELECT oid, nspname FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'public') AND nspname NOT LIKE 'pg\_%'
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass AND d.objid = pg_namespace.oid AND d.deptype = 'e')
),
visible AS (
    SELECT oid, nspname FROM schemas UNION ALL SELECT oid, nspname FROM pg_namespace WHERE nspname = 'public'
),
members AS (SELECT classid, objid FROM pg_depend WHERE deptype = 'e'),
relations AS (
    SELECT c.*, s.nspname, format('%I.%I', s.nspname, c.relname) AS qualified FROM pg_class c JOIN visible s ON s.oid = c.relnamespace
    WHERE NOT EXISTS (SELECT FROM members m WHERE m.classid = 'pg_class'::regclass AND m.objid = c.oid)
      AND NOT c.relispartition
),
functions AS (
    SELECT p.*, s.nspname, format('%I.%I(%s)', s.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) AS signature,
        -- A signature naming a table's row type can only be created after the table.
        EXISTS (SELECT FROM unnest(coalesce(p.proallargtypes, p.proargtypes::oid[]) || p.prorettype) t (oid)
                JOIN pg_type ty ON ty.oid = t.oid LEFT JOIN pg_type el ON el.oid = ty.typelem
                JOIN pg_class c ON c.oid IN (ty.typrelid, el.typrelid) WHERE c.relkind IN ('r', 'p', 'v', 'm')) AS needs_tables
    FROM pg_proc p JOIN visible s ON s.oid = p.pronamespace
    WHERE p.prokind = 'f' AND NOT EXISTS (SELECT FROM members m WHERE m.classid = 'pg_proc'::regclass AND m.objid = p.oid)
),
acl AS (
    SELECT 'table' AS kind, r.qualified AS object, r.relowner AS owner, a.grantee, a.privilege_type, a.is_grantable
    FROM relations r, aclexplode(r.relacl) a WHERE r.relkind IN ('r', 'p', 'v', 'm', 'S')
    UNION ALL
    SELECT 'function', f.signature, f.proowner, a.grantee, a.privilege_type, a.is_grantable FROM functions f, aclexplode(f.proacl) a
    UNION ALL
    SELECT 'schema', quote_ident(s.nspname), n.nspowner, a.grantee, a.privilege_type, a.is_grantable
    FROM visible s JOIN pg_namespace n ON n.oid = s.oid, aclexplode(n.nspacl) a
),
statements AS (
    -- 1. roles, created where missing (cluster-wide: a server may have them already), and their memberships
    SELECT 10 AS step, r.rolname::text AS sort, format(
        'DO $role$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = %L) THEN CREATE ROLE %I%s%s%s%s%s%s%s; END IF; END $role$;',
        r.rolname, r.rolname, CASE WHEN r.rolcanlogin THEN ' LOGIN' ELSE ' NOLOGIN' END, CASE WHEN NOT r.rolinherit THEN ' NOINHERIT' ELSE '' END,
        CASE WHEN r.rolbypassrls THEN ' BYPASSRLS' ELSE '' END, CASE WHEN r.rolcreaterole THEN ' CREATEROLE' ELSE '' END,
        CASE WHEN r.rolcreatedb THEN ' CREATEDB' ELSE '' END, CASE WHEN r.rolreplication THEN ' REPLICATION' ELSE '' END,
        CASE WHEN r.rolsuper THEN ' SUPERUSER' ELSE '' END) AS sql
    FROM pg_roles r WHERE r.rolname NOT LIKE 'pg\_%' AND r.rolname <> 'postgres'
    UNION ALL
    SELECT 11, m.roleid::regrole::text || ' ' || m.member::regrole::text, format(
        'DO $member$ BEGIN IF NOT EXISTS (SELECT FROM pg_auth_members WHERE roleid = %L::regrole AND member = %L::regrole) THEN GRANT %I TO %I; END IF; END $member$;',
        m.roleid::regrole::text, m.member::regrole::text, m.roleid::regrole::text, m.member::regrole::text)
    FROM pg_auth_members m WHERE m.roleid::regrole::text NOT LIKE 'pg\_%'
    -- 2. schemas and extensions (where the server has them: on the throwaway shadow a stand-in may be the package)
    UNION ALL
    SELECT 20, s.nspname, format('CREATE SCHEMA IF NOT EXISTS %I;', s.nspname) FROM schemas s
    UNION ALL
    -- An extension Supabase's image stops shipping at a major is part of a fresh project only below it: pgjwt is in
    -- supabase/postgres's migrations/schema-15.sql and not in its schema-17.sql (at 832e2cb).
    SELECT 21, e.extname, format(
        'DO $extension$ BEGIN IF EXISTS (SELECT FROM pg_available_extensions WHERE name = %L)%s THEN CREATE EXTENSION IF NOT EXISTS %I WITH SCHEMA %I; END IF; END $extension$;',
        e.extname, CASE WHEN dropped.major IS NOT NULL THEN format(' AND current_setting(%L)::int < %s', 'server_version_num', dropped.major * 10000) ELSE '' END,
        e.extname, e.extnamespace::regnamespace::text)
    FROM pg_extension e LEFT JOIN (VALUES ('pgjwt', 17)) dropped (extname, major) ON dropped.extname = e.extname
    WHERE e.extname <> 'plpgsql'
    -- 3. types, in the order they were made (a composite may use an enum)
    UNION ALL
    SELECT 30, lpad(t.oid::text, 10, '0'), format('DO $type$ BEGIN IF to_regtype(%L) IS NULL THEN CREATE TYPE %I.%I %s; END IF; END $type$;',
        format('%I.%I', s.nspname, t.typname), s.nspname, t.typname, CASE t.typtype
            WHEN 'e' THEN format('AS ENUM (%s)', (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid))
            WHEN 'c' THEN format('AS (%s)', (SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
                                              FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped)) END)
    FROM pg_type t JOIN visible s ON s.oid = t.typnamespace
    WHERE t.typtype IN ('e', 'c') AND (t.typtype = 'e' OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
      AND NOT EXISTS (SELECT FROM members m WHERE m.classid = 'pg_type'::regclass AND m.objid = t.oid)
    -- 4. sequences of serial columns, tables (columns, types, identity and generated columns; defaults come after the functions)
    UNION ALL
    SELECT 40, r.qualified, format('CREATE SEQUENCE IF NOT EXISTS %s AS %s;', r.qualified, format_type(q.seqtypid, NULL))
    FROM relations r JOIN pg_sequence q ON q.seqrelid = r.oid
    WHERE NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = r.oid AND d.deptype = 'i')
    UNION ALL
    SELECT 41, lpad(r.oid::text, 10, '0'), format('CREATE TABLE IF NOT EXISTS %s (%s)%s;', r.qualified,
        (SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
                || CASE a.attidentity WHEN 'a' THEN ' GENERATED ALWAYS AS IDENTITY' WHEN 'd' THEN ' GENERATED BY DEFAULT AS IDENTITY' ELSE '' END
                || CASE WHEN a.attgenerated = 's' THEN ' GENERATED ALWAYS AS (' || pg_get_expr(d.adbin, d.adrelid) || ') STORED' ELSE '' END
                || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END, ', ' ORDER BY a.attnum)
         FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         WHERE a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped),
        CASE WHEN r.relkind = 'p' THEN ' PARTITION BY ' || pg_get_partkeydef(r.oid) ELSE '' END)
    FROM relations r WHERE r.relkind IN ('r', 'p')
    UNION ALL
    SELECT 42, r.qualified, format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY;', r.qualified) FROM relations r WHERE r.relrowsecurity
    -- 5. functions: signatures, volatility, security and settings as Supabase has them; a neutral body (those whose
    -- signatures use no table come before the tables, whose generated columns and defaults may call them)
    UNION ALL
    SELECT CASE WHEN f.needs_tables THEN 52 ELSE 35 END, f.signature, format(
        E'CREATE OR REPLACE FUNCTION %I.%I(%s) RETURNS %s LANGUAGE plpgsql%s%s%s\n    AS $body$ BEGIN %s END $body$;',
        f.nspname, f.proname, pg_get_function_arguments(f.oid), pg_get_function_result(f.oid),
        CASE f.provolatile WHEN 'i' THEN ' IMMUTABLE' WHEN 's' THEN ' STABLE' ELSE '' END,
        CASE WHEN f.prosecdef THEN ' SECURITY DEFINER' ELSE '' END,
        coalesce((SELECT string_agg(format(' SET %I = %s', split_part(c, '=', 1), quote_literal(substr(c, strpos(c, '=') + 1))), '') FROM unnest(f.proconfig) c), ''),
        CASE WHEN f.prorettype = 'trigger'::regtype THEN 'RETURN coalesce(NEW, OLD);'
             WHEN f.prorettype = 'event_trigger'::regtype THEN 'NULL;'
             WHEN f.proretset OR f.prorettype = 'void'::regtype OR 'o' = ANY (f.proargmodes) OR 'b' = ANY (f.proargmodes) THEN 'RETURN;'
             ELSE 'RETURN NULL;' END)
    FROM functions f
    -- 6. defaults, serial sequences' owners, constraints (keys before foreign keys), indexes, triggers, policies
    UNION ALL
    SELECT 60, r.qualified || ' ' || a.attnum, format('ALTER TABLE %s ALTER COLUMN %I SET DEFAULT %s;', r.qualified, a.attname, pg_get_expr(d.adbin, d.adrelid))
    FROM relations r JOIN pg_attribute a ON a.attrelid = r.oid JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE a.attgenerated = '' AND r.relkind IN ('r', 'p')
    UNION ALL
    SELECT 61, r.qualified, format('ALTER SEQUENCE %s OWNED BY %s.%I;', r.qualified, t.qualified, a.attname)
    FROM relations r JOIN pg_depend d ON d.objid = r.oid AND d.deptype = 'a' AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
    JOIN relations t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
    WHERE r.relkind = 'S'
    UNION ALL
    SELECT CASE k.contype WHEN 'p' THEN 62 WHEN 'u' THEN 63 WHEN 'f' THEN 65 ELSE 64 END, r.qualified || ' ' || k.conname, format(
        'DO $constraint$ BEGIN IF NOT EXISTS (SELECT FROM pg_constraint WHERE conrelid = %L::regclass AND conname = %L) THEN ALTER TABLE %s ADD CONSTRAINT %I %s; END IF; END $constraint$;',
        r.qualified, k.conname, r.qualified, k.conname, pg_get_constraintdef(k.oid))
    FROM pg_constraint k JOIN relations r ON r.oid = k.conrelid WHERE k.contype IN ('p', 'u', 'f', 'c', 'x')
    UNION ALL
    -- An index of an extension's table (vault.secrets) waits for the extension, which a server may not offer.
    SELECT 66, r.qualified, CASE WHEN t.oid IS NULL
        THEN format('DO $index$ BEGIN IF to_regclass(%L) IS NOT NULL THEN EXECUTE %L; END IF; END $index$;', i.indrelid::regclass::text,
            regexp_replace(pg_get_indexdef(r.oid), '^CREATE (UNIQUE )?INDEX ', 'CREATE \1INDEX IF NOT EXISTS '))
        ELSE regexp_replace(pg_get_indexdef(r.oid), '^CREATE (UNIQUE )?INDEX ', 'CREATE \1INDEX IF NOT EXISTS ') || ';' END
    FROM relations r JOIN pg_index i ON i.indexrelid = r.oid LEFT JOIN relations t ON t.oid = i.indrelid
    WHERE NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conindid = r.oid AND k.contype IN ('p', 'u', 'x'))
    UNION ALL
    SELECT 67, r.qualified || ' ' || t.tgname, regexp_replace(pg_get_triggerdef(t.oid), '^CREATE TRIGGER', 'CREATE OR REPLACE TRIGGER') || ';'
    FROM pg_trigger t JOIN relations r ON r.oid = t.tgrelid WHERE NOT t.tgisinternal
    UNION ALL
    SELECT 68, r.qualified || ' ' || p.polname, format(
        'DO $policy$ BEGIN IF NOT EXISTS (SELECT FROM pg_policy WHERE polrelid = %L::regclass AND polname = %L) THEN CREATE POLICY %I ON %s AS %s FOR %s TO %s%s%s; END IF; END $policy$;',
        r.qualified, p.polname, p.polname, r.qualified, CASE WHEN p.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END,
        CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END,
        (SELECT string_agg(CASE WHEN o = 0 THEN 'PUBLIC' ELSE quote_ident(o::regrole::text) END, ', ') FROM unnest(p.polroles) o),
        coalesce(' USING (' || pg_get_expr(p.polqual, p.polrelid) || ')', ''), coalesce(' WITH CHECK (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')', ''))
    FROM pg_policy p JOIN relations r ON r.oid = p.polrelid
    -- 7. the publication
    UNION ALL
    SELECT 70, p.pubname, format('DO $publication$ BEGIN IF NOT EXISTS (SELECT FROM pg_publication WHERE pubname = %L) THEN CREATE PUBLICATION %I%s; END IF; END $publication$;',
        p.pubname, p.pubname, CASE WHEN p.puballtables THEN ' FOR ALL TABLES' ELSE '' END)
    FROM pg_publication p
    -- 8. what only a superuser may do (the throwaway shadow is one; a scratch database on a real server may not be):
    -- owners, event triggers and other roles' default privileges, in one block that runs only then
    UNION ALL
    SELECT 75, '', E'DO $superuser$ BEGIN IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN\n'
        || string_agg('    EXECUTE ' || quote_literal(sql) || E';\n', '' ORDER BY sort COLLATE "C") || E'END IF; END $superuser$;'
    FROM (
        SELECT '1 ' || r.qualified AS sort, format('ALTER %s %s OWNER TO %I', CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END,
            r.qualified, r.relowner::regrole::text) AS sql
        FROM relations r WHERE r.relkind IN ('r', 'p', 'v', 'S') AND r.relowner::regrole::text <> 'postgres'
          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = r.oid AND d.deptype IN ('a', 'i') AND r.relkind = 'S')
        UNION ALL
        SELECT '2 ' || f.signature, format('ALTER FUNCTION %s OWNER TO %I', f.signature, f.proowner::regrole::text)
        FROM functions f WHERE f.proowner::regrole::text <> 'postgres'
        UNION ALL
        SELECT '0 ' || s.nspname, format('ALTER SCHEMA %I OWNER TO %I', s.nspname, n.nspowner::regrole::text)
        FROM schemas s JOIN pg_namespace n ON n.oid = s.oid WHERE n.nspowner::regrole::text <> 'postgres'
        UNION ALL
        SELECT '3 ' || t.evtname, format('DROP EVENT TRIGGER IF EXISTS %I; CREATE EVENT TRIGGER %I ON %s%s EXECUTE FUNCTION %s()', t.evtname, t.evtname, t.evtevent,
            coalesce(' WHEN TAG IN (' || (SELECT string_agg(quote_literal(g), ', ') FROM unnest(t.evttags) g) || ')', ''), t.evtfoid::regproc)
        FROM pg_event_trigger t WHERE NOT EXISTS (SELECT FROM members m WHERE m.classid = 'pg_event_trigger'::regclass AND m.objid = t.oid)
    ) owned
    UNION ALL
    SELECT 90, '', E'DO $defaults$ BEGIN IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN\n'
        || string_agg('    EXECUTE ' || quote_literal(sql) || E';\n', '' ORDER BY sort COLLATE "C") || E'END IF; END $defaults$;'
    FROM (
        SELECT concat_ws(' ', d.defaclrole::regrole::text, d.defaclnamespace::regnamespace::text, d.defaclobjtype, a.grantee::regrole::text, a.privilege_type) AS sort,
            format('ALTER DEFAULT PRIVILEGES FOR ROLE %I%s GRANT %s ON %s TO %s%s', d.defaclrole::regrole::text,
                CASE WHEN d.defaclnamespace = 0 THEN '' ELSE ' IN SCHEMA ' || quote_ident(d.defaclnamespace::regnamespace::text) END,
                a.privilege_type, CASE d.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS' WHEN 'T' THEN 'TYPES' ELSE 'SCHEMAS' END,
                CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(a.grantee::regrole::text) END,
                CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END) AS sql
        FROM pg_default_acl d, aclexplode(d.defaclacl) a
        WHERE d.defaclnamespace = 0 OR d.defaclnamespace IN (SELECT oid FROM visible)
    ) defaults
    -- 9. privileges: who may use each schema, table, sequence and function (PUBLIC's EXECUTE taken away where Supabase has)
    UNION ALL
    SELECT 80, a.kind || ' ' || a.object || ' ' || a.grantee::text || ' ' || a.privilege_type,
        format('GRANT %s ON %s %s TO %s%s;', a.privilege_type, upper(a.kind), a.object,
            CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(a.grantee::regrole::text) END, CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)
    FROM acl a WHERE a.grantee <> a.owner
    UNION ALL
    -- An object with privileges of its own starts from its owner's alone: PUBLIC's built-in ones go unless granted again.
    SELECT DISTINCT 79, a.kind || ' ' || a.object, format('REVOKE ALL ON %s %s FROM PUBLIC;', upper(a.kind), a.object) FROM acl a
)
SELECT sql FROM statements ORDER BY step, sort COLLATE "C";
