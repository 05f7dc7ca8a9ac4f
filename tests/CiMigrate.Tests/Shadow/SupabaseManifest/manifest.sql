-- The object identities of a Supabase database, one line each: kind, schema, name and detail, tab-separated, sorted.
-- SupabaseManifestTests compares the shadow's with supabase-<major>.txt beside this file, and build/supabase-fresh-project.py
-- prints the same lines for a project replayed from Supabase's own sources, so the two can be diffed.
-- Privileges are listed without their grantor (who ran the GRANT is not part of the object).
-- Objects that belong to an extension are its package's (or stand-in's) business: the extension is listed instead.
-- Roles, publications and event triggers are cluster- or database-wide; the others are in the non-system schemas.
-- Every name is written schema-qualified (the search path is only pg_catalog), so both sides print the same text.
SET search_path = pg_catalog;
WITH schemas AS (
    SELECT oid, nspname FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg\_temp\_%'
      AND nspname NOT LIKE 'pg\_toast\_temp\_%'
),
members AS (
    SELECT classid, objid FROM pg_depend WHERE deptype = 'e'
),
relations AS (
    SELECT c.oid, s.nspname, c.relname, c.relkind FROM pg_class c JOIN schemas s ON s.oid = c.relnamespace
    WHERE NOT EXISTS (SELECT FROM members m WHERE m.classid = 'pg_class'::regclass AND m.objid = c.oid)
),
columns AS (
    SELECT a.attrelid, string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
               || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
               || coalesce(CASE WHEN a.attgenerated = 's' THEN ' generated ' ELSE ' default ' END || pg_get_expr(d.adbin, d.adrelid), '')
               || CASE WHEN a.attidentity <> '' THEN ' identity' ELSE '' END,
               ', ' ORDER BY a.attnum) AS list
    FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE a.attnum > 0 AND NOT a.attisdropped
    GROUP BY a.attrelid
)
SELECT line FROM (
    -- The two superusers differ by design (the shadow runs as postgres, Supabase demotes it): their attributes are left out.
    SELECT format(E'role\t\t%s\t%s', r.rolname, CASE WHEN r.rolname NOT IN ('postgres', 'supabase_admin') THEN concat_ws(' ',
        CASE WHEN r.rolcanlogin THEN 'login' END, CASE WHEN r.rolsuper THEN 'superuser' END,
        CASE WHEN NOT r.rolinherit THEN 'noinherit' END, CASE WHEN r.rolbypassrls THEN 'bypassrls' END,
        CASE WHEN r.rolcreaterole THEN 'createrole' END, CASE WHEN r.rolcreatedb THEN 'createdb' END,
        CASE WHEN r.rolreplication THEN 'replication' END) END) AS line
    FROM pg_roles r WHERE r.rolname NOT LIKE 'pg\_%'
    UNION ALL
    SELECT format(E'member\t\t%s\t%s', m.roleid::regrole, m.member::regrole) FROM pg_auth_members m
    WHERE m.roleid::regrole::text NOT LIKE 'pg\_%'
    UNION ALL
    SELECT format(E'schema\t%s\t\t', nspname) FROM schemas
    UNION ALL
    SELECT format(E'extension\t%s\t%s\t', e.extnamespace::regnamespace, e.extname) FROM pg_extension e
    UNION ALL
    SELECT format(E'publication\t\t%s\t%s', p.pubname, CASE WHEN p.puballtables THEN 'all tables' END) FROM pg_publication p
    UNION ALL
    SELECT format(E'event trigger\t\t%s\t%s %s', t.evtname, t.evtevent, t.evtfoid::regproc) FROM pg_event_trigger t
    WHERE NOT EXISTS (SELECT FROM members m WHERE m.classid = 'pg_event_trigger'::regclass AND m.objid = t.oid)
    UNION ALL
    SELECT format(E'%s\t%s\t%s\t%s',
        CASE r.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
            WHEN 'f' THEN 'foreign table' END,
        r.nspname, r.relname, coalesce(c.list, ''))
    FROM relations r LEFT JOIN columns c ON c.attrelid = r.oid
    WHERE r.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT EXISTS (SELECT FROM pg_inherits i WHERE i.inhrelid = r.oid)
    UNION ALL
    SELECT format(E'sequence\t%s\t%s\t', r.nspname, r.relname) FROM relations r WHERE r.relkind = 'S'
    UNION ALL
    SELECT format(E'index\t%s\t%s\t%s', r.nspname, r.relname, pg_get_indexdef(r.oid)) FROM relations r
    JOIN pg_index i ON i.indexrelid = r.oid
    WHERE r.relkind IN ('i', 'I') AND NOT EXISTS (SELECT FROM pg_inherits h WHERE h.inhrelid = i.indrelid)
    UNION ALL
    SELECT format(E'constraint\t%s\t%s.%s\t%s', r.nspname, r.relname, k.conname, pg_get_constraintdef(k.oid))
    FROM pg_constraint k JOIN relations r ON r.oid = k.conrelid
    WHERE NOT EXISTS (SELECT FROM pg_inherits h WHERE h.inhrelid = r.oid)
    UNION ALL
    SELECT format(E'trigger\t%s\t%s.%s\t%s', r.nspname, r.relname, t.tgname, t.tgfoid::regproc)
    FROM pg_trigger t JOIN relations r ON r.oid = t.tgrelid WHERE NOT t.tgisinternal
    UNION ALL
    SELECT format(E'policy\t%s\t%s.%s\t%s', r.nspname, r.relname, p.polname, p.polcmd) FROM pg_policy p JOIN relations r ON r.oid = p.polrelid
    UNION ALL
    SELECT format(E'%s\t%s\t%s(%s)\t%s', CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
        s.nspname, p.proname, pg_get_function_identity_arguments(p.oid), coalesce(pg_get_function_result(p.oid), ''))
    FROM pg_proc p JOIN schemas s ON s.oid = p.pronamespace
    WHERE NOT EXISTS (SELECT FROM members m WHERE m.classid = 'pg_proc'::regclass AND m.objid = p.oid)
    UNION ALL
    SELECT format(E'type\t%s\t%s\t%s', s.nspname, t.typname, CASE t.typtype
        WHEN 'e' THEN (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)
        WHEN 'c' THEN (SELECT c.list FROM columns c WHERE c.attrelid = t.typrelid)
        WHEN 'd' THEN format_type(t.typbasetype, t.typtypmod) END)
    FROM pg_type t JOIN schemas s ON s.oid = t.typnamespace
    WHERE t.typtype IN ('e', 'c', 'd') AND (t.typtype <> 'c' OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
      AND NOT EXISTS (SELECT FROM members m WHERE m.classid = 'pg_type'::regclass AND m.objid = t.oid)
    UNION ALL
    SELECT format(E'default privileges\t%s\t%s %s\t%s', coalesce(d.defaclnamespace::regnamespace::text, ''), d.defaclrole::regrole,
        CASE d.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences' WHEN 'f' THEN 'functions' WHEN 'T' THEN 'types'
            WHEN 'n' THEN 'schemas' END,
        (SELECT string_agg(split_part(a::text, '/', 1), ' ' ORDER BY a::text) FROM unnest(d.defaclacl) a))
    FROM pg_default_acl d
    UNION ALL
    SELECT format(E'grant\t%s\t%s\t%s', r.nspname, r.relname, (SELECT string_agg(split_part(a::text, '/', 1), ' ' ORDER BY a::text) FROM unnest(c.relacl) a))
    FROM relations r JOIN pg_class c ON c.oid = r.oid WHERE c.relacl IS NOT NULL AND r.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND NOT EXISTS (SELECT FROM pg_inherits h WHERE h.inhrelid = r.oid)
    UNION ALL
    SELECT format(E'grant\t%s\t\t%s', s.nspname, (SELECT string_agg(split_part(a::text, '/', 1), ' ' ORDER BY a::text) FROM unnest(n.nspacl) a))
    FROM schemas s JOIN pg_namespace n ON n.oid = s.oid WHERE n.nspacl IS NOT NULL
) lines
ORDER BY line COLLATE "C";
