namespace CiMigrate.Planning.Catalog;

/// <summary>
/// One query per object kind, all run in one round trip. Each returns schema, parent, parent kind, name,
/// identity and a JSON object of attributes (json, not jsonb: json keeps the key order written here).
/// <c>$1</c> is the array of schemas. Objects that belong to an extension are left out: the extension stands for them.
/// </summary>
/// <remarks>
/// The reader sets <c>search_path</c> to <c>pg_catalog</c> first, so that pg_get_*def and format_type
/// schema-qualify every name outside pg_catalog: two databases then print the same object the same way.
/// </remarks>
static class CatalogQueries
{
    /// <summary>Run first in the queries' transaction (see the remarks above).</summary>
    public const string QualifiedNames = "SET LOCAL search_path TO pg_catalog";

    const string NotExtensionMember =
        "not exists (select 1 from pg_depend d where d.classid = {0}::regclass and d.objid = {1} and d.deptype = 'e')";

    static string NotMember(string catalog, string oid) => string.Format(NotExtensionMember, $"'{catalog}'", oid);

    /// <summary>
    /// A relation that is no extension's and is not owned (a serial's sequence) by a table that is: what belongs to an
    /// extension's table (its pgmq queue's sequence, say) goes with it.
    /// </summary>
    static string NotOfMember(string oid) => $"""
        {NotMember("pg_class", oid)}
        and not exists (select 1 from pg_depend o
                        join pg_depend e on e.classid = 'pg_class'::regclass and e.objid = o.refobjid and e.deptype = 'e'
                        where o.classid = 'pg_class'::regclass and o.objid = {oid} and o.refclassid = 'pg_class'::regclass
                          and o.deptype in ('a', 'i'))
        """;

    /// <summary>
    /// The tables of the schemas in <c>$1</c> that belong to an extension (pgmq's queues): left out of every snapshot with
    /// all that is theirs, and named in the plan's notes. Rows: schema, table, extension.
    /// </summary>
    public const string ExtensionTables = """
        select n.nspname::text, c.relname::text, x.extname::text
        from pg_depend d
        join pg_class c on c.oid = d.objid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_extension x on x.oid = d.refobjid
        where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_extension'::regclass and d.deptype = 'e'
          and c.relkind in ('r', 'p') and n.nspname = any($1)
        order by 1, 2
        """;

    public static IReadOnlyList<(ObjectKind Kind, string Sql)> All { get; } =
    [
        (ObjectKind.Schema, """
            select n.nspname, null, null, n.nspname, n.oid::text, json_build_object()
            from pg_namespace n
            where n.nspname = any($1)
            order by n.nspname
            """),
        (ObjectKind.Extension, """
            select n.nspname, null, null, e.extname, e.oid::text, json_build_object('version', e.extversion)
            from pg_extension e join pg_namespace n on n.oid = e.extnamespace
            where n.nspname = any($1)
            order by n.nspname, e.extname
            """),
        (ObjectKind.Table, $"""
            select n.nspname, null, null, c.relname, c.oid::text, json_build_object(
                'partitioned', case when c.relkind = 'p' then 'yes' end,
                'unlogged', case when c.relpersistence = 'u' then 'yes' end,
                'rowLevelSecurity', case when c.relrowsecurity then 'enabled' else 'disabled' end,
                'forceRowLevelSecurity', case when c.relforcerowsecurity then 'on' else 'off' end)
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('r', 'p') and n.nspname = any($1) and {NotMember("pg_class", "c.oid")}
            order by n.nspname, c.relname
            """),
        (ObjectKind.Column, $"""
            select n.nspname, c.relname, 'table', a.attname, c.oid::text || '.' || a.attnum::text, json_build_object(
                'type', format_type(a.atttypid, a.atttypmod),
                'nullable', case when a.attnotnull then 'not null' else 'null' end,
                'default', case when a.attgenerated = '' then pg_get_expr(ad.adbin, ad.adrelid) end,
                'generated', case when a.attgenerated = 's' then pg_get_expr(ad.adbin, ad.adrelid) end,
                'identity', case a.attidentity when 'a' then 'always' when 'd' then 'by default' end,
                'collation', case when a.attcollation <> t.typcollation then co.collname end)
            from pg_attribute a
            join pg_class c on c.oid = a.attrelid
            join pg_namespace n on n.oid = c.relnamespace
            join pg_type t on t.oid = a.atttypid
            left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
            left join pg_collation co on co.oid = a.attcollation
            where c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped and n.nspname = any($1)
              and {NotMember("pg_class", "c.oid")}
            order by n.nspname, c.relname, a.attnum
            """),
        (ObjectKind.Constraint, $"""
            select n.nspname, c.relname, 'table', k.conname, k.oid::text, json_build_object(
                'type', case k.contype when 'p' then 'primary key' when 'f' then 'foreign key' when 'u' then 'unique'
                    when 'c' then 'check' when 'x' then 'exclusion' when 't' then 'trigger' end,
                'columns', (select string_agg(quote_ident(a.attname), ', ' order by u.ord)
                            from unnest(k.conkey) with ordinality u(attnum, ord)
                            join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum),
                'references', case when k.contype = 'f' then fn.nspname || '.' || fc.relname end,
                'definition', pg_get_constraintdef(k.oid),
                'validated', case when k.convalidated then 'yes' else 'no' end)
            from pg_constraint k
            join pg_class c on c.oid = k.conrelid
            join pg_namespace n on n.oid = c.relnamespace
            left join pg_class fc on fc.oid = k.confrelid
            left join pg_namespace fn on fn.oid = fc.relnamespace
            where n.nspname = any($1) and c.relkind in ('r', 'p') and {NotMember("pg_class", "c.oid")}
            order by n.nspname, c.relname, k.conname
            """),
        // Indexes behind a primary key, unique or exclusion constraint are that constraint's business.
        (ObjectKind.Index, $"""
            select n.nspname, t.relname, 'table', i.relname, i.oid::text, json_build_object(
                'definition', pg_get_indexdef(i.oid),
                'valid', case when x.indisvalid then 'yes' else 'no' end)
            from pg_index x
            join pg_class i on i.oid = x.indexrelid
            join pg_class t on t.oid = x.indrelid
            join pg_namespace n on n.oid = i.relnamespace
            where n.nspname = any($1) and t.relkind in ('r', 'p', 'm') and {NotMember("pg_class", "t.oid")}
              and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid and k.conrelid = x.indrelid
                              and k.contype in ('p', 'u', 'x'))
            order by n.nspname, t.relname, i.relname
            """),
        (ObjectKind.Policy, $"""
            select n.nspname, c.relname, 'table', p.polname, p.oid::text, json_build_object(
                'command', case p.polcmd when 'r' then 'SELECT' when 'a' then 'INSERT' when 'w' then 'UPDATE'
                    when 'd' then 'DELETE' else 'ALL' end,
                'mode', case when p.polpermissive then 'permissive' else 'restrictive' end,
                'roles', (select string_agg(r.name, ', ' order by r.name)
                          from (select case when role = 0 then 'public' else pg_get_userbyid(role)::text end as name
                                from unnest(p.polroles) role) r),
                'using', pg_get_expr(p.polqual, p.polrelid),
                'withCheck', pg_get_expr(p.polwithcheck, p.polrelid))
            from pg_policy p
            join pg_class c on c.oid = p.polrelid
            join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = any($1) and {NotMember("pg_class", "c.oid")}
            order by n.nspname, c.relname, p.polname
            """),
        (ObjectKind.Trigger, $"""
            select n.nspname, c.relname, case when c.relkind = 'v' then 'view' else 'table' end, t.tgname, t.oid::text,
                json_build_object(
                    'definition', pg_get_triggerdef(t.oid),
                    'enabled', case t.tgenabled when 'D' then 'disabled' when 'R' then 'replica only'
                        when 'A' then 'always' else 'enabled' end)
            from pg_trigger t
            join pg_class c on c.oid = t.tgrelid
            join pg_namespace n on n.oid = c.relnamespace
            where not t.tgisinternal and n.nspname = any($1) and {NotMember("pg_class", "c.oid")}
            order by n.nspname, c.relname, t.tgname
            """),
        // The owner's own privileges are left out: they are implied, and every table has them.
        (ObjectKind.Grant, $"""
            select g.schema, g.parent, g.parent_kind, g.grantee, g.identity,
                json_build_object('privileges', string_agg(g.privilege, ', ' order by g.privilege))
            from (
                -- text, not name: the function branch's parents are signatures longer than 63 bytes.
                select n.nspname::text as schema, c.relname::text as parent,
                    case c.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'view' else 'table' end as parent_kind,
                    case when a.grantee = 0 then 'PUBLIC' else pg_get_userbyid(a.grantee)::text end as grantee,
                    c.oid::text || ':' || a.grantee::text as identity,
                    a.privilege_type || case when a.is_grantable then ' (grantable)' else '' end as privilege
                from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                cross join lateral aclexplode(coalesce(c.relacl, acldefault((case when c.relkind = 'S' then 's' else 'r' end)::"char", c.relowner))) a
                where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and n.nspname = any($1) and a.grantee <> c.relowner
                  and {NotOfMember("c.oid")}
                union all
                select n.nspname, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', 'function',
                    case when a.grantee = 0 then 'PUBLIC' else pg_get_userbyid(a.grantee)::text end,
                    'p' || p.oid::text || ':' || a.grantee::text,
                    a.privilege_type || case when a.is_grantable then ' (grantable)' else '' end
                from pg_proc p
                join pg_namespace n on n.oid = p.pronamespace
                cross join lateral aclexplode(coalesce(p.proacl, acldefault('f'::"char", p.proowner))) a
                where n.nspname = any($1) and a.grantee <> p.proowner and {NotMember("pg_proc", "p.oid")}
                union all
                select n.nspname, n.nspname, 'schema',
                    case when a.grantee = 0 then 'PUBLIC' else pg_get_userbyid(a.grantee)::text end,
                    'n' || n.oid::text || ':' || a.grantee::text,
                    a.privilege_type || case when a.is_grantable then ' (grantable)' else '' end
                from pg_namespace n
                cross join lateral aclexplode(coalesce(n.nspacl, acldefault('n'::"char", n.nspowner))) a
                where n.nspname = any($1) and a.grantee <> n.nspowner
            ) g
            group by g.schema, g.parent, g.parent_kind, g.grantee, g.identity
            order by g.schema, g.parent, g.grantee
            """),
        (ObjectKind.View, $"""
            select n.nspname, null, null, c.relname, c.oid::text, json_build_object(
                'materialized', case when c.relkind = 'm' then 'yes' end,
                'securityInvoker', case when exists (select 1 from pg_options_to_table(c.reloptions) o
                    where o.option_name = 'security_invoker' and lower(o.option_value) in ('true', 'on', 'yes', '1'))
                    then 'on' else 'off' end,
                'securityBarrier', case when exists (select 1 from pg_options_to_table(c.reloptions) o
                    where o.option_name = 'security_barrier' and lower(o.option_value) in ('true', 'on', 'yes', '1'))
                    then 'on' end,
                'definition', pg_get_viewdef(c.oid))
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('v', 'm') and n.nspname = any($1) and {NotMember("pg_class", "c.oid")}
            order by n.nspname, c.relname
            """),
        // The body is compared by hash: a changed body shows as one line, and the diff carries no source.
        (ObjectKind.Function, $"""
            select n.nspname, null, null, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', p.oid::text,
                json_build_object(
                    'kind', case p.prokind when 'p' then 'procedure' when 'a' then 'aggregate' when 'w' then 'window' else 'function' end,
                    'returns', pg_get_function_result(p.oid),
                    'language', l.lanname,
                    'security', case when p.prosecdef then 'definer' else 'invoker' end,
                    'volatility', case p.provolatile when 'i' then 'immutable' when 's' then 'stable' else 'volatile' end,
                    'searchPath', (select substr(s, 13) from unnest(p.proconfig) s where s like 'search_path=%'),
                    'bodyHash', left(encode(sha256(convert_to(coalesce(nullif(p.prosrc, ''), pg_get_function_sqlbody(p.oid), ''), 'UTF8')), 'hex'), 16))
            from pg_proc p
            join pg_namespace n on n.oid = p.pronamespace
            join pg_language l on l.oid = p.prolang
            where n.nspname = any($1) and {NotMember("pg_proc", "p.oid")}
            order by n.nspname, p.proname, 4
            """),
        // Identity columns' sequences belong to their column; a serial's sequence is listed under its table.
        (ObjectKind.Sequence, $"""
            select n.nspname, owner.relname, case when owner.relname is not null then 'table' end, c.relname, c.oid::text,
                json_build_object(
                    'type', format_type(s.seqtypid, null),
                    'start', s.seqstart::text,
                    'increment', s.seqincrement::text,
                    'minimum', s.seqmin::text,
                    'maximum', s.seqmax::text,
                    'cycle', case when s.seqcycle then 'yes' else 'no' end,
                    'ownedBy', case when owner.relname is not null then owner.nspname || '.' || owner.relname || '.' || owner.attname end)
            from pg_sequence s
            join pg_class c on c.oid = s.seqrelid
            join pg_namespace n on n.oid = c.relnamespace
            left join lateral (
                select tc.relname, tn.nspname, ta.attname
                from pg_depend d
                join pg_class tc on tc.oid = d.refobjid
                join pg_namespace tn on tn.oid = tc.relnamespace
                join pg_attribute ta on ta.attrelid = d.refobjid and ta.attnum = d.refobjsubid
                where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'a' and d.refobjsubid > 0
                  and tn.nspname = n.nspname
            ) owner on true
            where n.nspname = any($1) and {NotOfMember("c.oid")}
              and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'i')
            order by n.nspname, c.relname
            """),
        (ObjectKind.Type, $"""
            select n.nspname, null, null, t.typname, t.oid::text, json_build_object(
                'kind', case t.typtype when 'e' then 'enum' when 'd' then 'domain' when 'c' then 'composite' when 'r' then 'range' end,
                'values', (select string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder)
                           from pg_enum e where e.enumtypid = t.oid),
                'baseType', case when t.typtype = 'd' then format_type(t.typbasetype, t.typtypmod) end,
                'nullable', case when t.typtype = 'd' then case when t.typnotnull then 'not null' else 'null' end end,
                'default', t.typdefault,
                'constraints', (select string_agg(k.conname || ' ' || pg_get_constraintdef(k.oid), ', ' order by k.conname)
                                from pg_constraint k where k.contypid = t.oid),
                'attributes', (select string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod), ', ' order by a.attnum)
                               from pg_attribute a where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped))
            from pg_type t
            join pg_namespace n on n.oid = t.typnamespace
            left join pg_class tc on tc.oid = t.typrelid
            where n.nspname = any($1) and (t.typtype in ('e', 'd', 'r') or (t.typtype = 'c' and tc.relkind = 'c'))
              and {NotMember("pg_type", "t.oid")}
            order by n.nspname, t.typname
            """),
    ];

    /// <summary>The schemas a snapshot of "every schema" covers: all but PostgreSQL's own and ci-migrate's ledger.</summary>
    public const string UserSchemas = """
        select nspname from pg_namespace
        where nspname not like 'pg\_%' and nspname not in ('information_schema', 'ci_migrate')
        order by nspname
        """;
}
