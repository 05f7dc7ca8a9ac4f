namespace CiMigrate.Generation;

/// <summary>
/// What the generator needs beyond the plan's snapshot, to write DDL and to prove equality: each function's whole
/// definition, every comment, and each domain's constraints one by one. Each row is kind, schema, parent, name,
/// attribute and value (text in the first branch, so UNION ALL keeps every name whole); <c>$1</c> is the array of schemas. Run with <c>search_path</c> set to <c>pg_catalog</c>, as
/// the catalog reader's queries are, so names come out schema-qualified.
/// </summary>
static class DetailQueries
{
    public const string All = """
        select 'function', n.nspname::text, null::text, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
            'definition', pg_get_functiondef(p.oid)
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = any($1) and p.prokind in ('f', 'p')
        union all
        select case c.relkind when 'v' then 'view' when 'm' then 'view' when 'S' then 'sequence' else 'table' end,
            n.nspname, null, c.relname, 'comment', d.description
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        join pg_description d on d.classoid = 'pg_class'::regclass and d.objoid = c.oid and d.objsubid = 0
        where n.nspname = any($1) and c.relkind in ('r', 'p', 'v', 'm', 'S')
        union all
        select 'column', n.nspname, c.relname, a.attname, 'comment', d.description
        from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        join pg_description d on d.classoid = 'pg_class'::regclass and d.objoid = c.oid and d.objsubid = a.attnum
        where n.nspname = any($1) and c.relkind in ('r', 'p') and a.attnum > 0
        union all
        select 'index', n.nspname, t.relname, i.relname, 'comment', d.description
        from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
        join pg_namespace n on n.oid = i.relnamespace
        join pg_description d on d.classoid = 'pg_class'::regclass and d.objoid = i.oid and d.objsubid = 0
        where n.nspname = any($1)
        union all
        select 'constraint', n.nspname, c.relname, k.conname, 'comment', d.description
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        join pg_description d on d.classoid = 'pg_constraint'::regclass and d.objoid = k.oid
        where n.nspname = any($1)
        union all
        select 'policy', n.nspname, c.relname, p.polname, 'comment', d.description
        from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
        join pg_description d on d.classoid = 'pg_policy'::regclass and d.objoid = p.oid
        where n.nspname = any($1)
        union all
        select 'trigger', n.nspname, c.relname, t.tgname, 'comment', d.description
        from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
        join pg_description d on d.classoid = 'pg_trigger'::regclass and d.objoid = t.oid
        where n.nspname = any($1) and not t.tgisinternal
        union all
        select 'function', n.nspname, null, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
            'comment', d.description
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        join pg_description d on d.classoid = 'pg_proc'::regclass and d.objoid = p.oid
        where n.nspname = any($1)
        union all
        select 'type', n.nspname, null, t.typname, 'comment', d.description
        from pg_type t join pg_namespace n on n.oid = t.typnamespace
        join pg_description d on d.classoid = 'pg_type'::regclass and d.objoid = t.oid
        where n.nspname = any($1)
        union all
        select 'schema', n.nspname, null, n.nspname, 'comment', d.description
        from pg_namespace n join pg_description d on d.classoid = 'pg_namespace'::regclass and d.objoid = n.oid
        where n.nspname = any($1)
        union all
        select 'type', n.nspname, null, t.typname, 'check:' || k.conname, pg_get_constraintdef(k.oid)
        from pg_constraint k join pg_type t on t.oid = k.contypid join pg_namespace n on n.oid = t.typnamespace
        where n.nspname = any($1)
        order by 1, 2, 3, 4, 5
        """;

    /// <summary>
    /// The default privileges of the schemas in <c>$1</c> (<c>ALTER DEFAULT PRIVILEGES ... IN SCHEMA</c>), one row per
    /// role, object type and grantee: schema, name, role, object type (as the statement writes it), grantee, privileges.
    /// </summary>
    public const string DefaultPrivileges = """
        select g.schema, 'for role ' || g.role || ' on ' || lower(g.objects) || ' to ' || g.grantee, g.role, g.objects, g.grantee,
            string_agg(g.privilege, ', ' order by g.privilege)
        from (
            select n.nspname::text as schema, pg_get_userbyid(d.defaclrole)::text as role,
                case d.defaclobjtype when 'r' then 'TABLES' when 'S' then 'SEQUENCES' when 'f' then 'FUNCTIONS' when 'T' then 'TYPES' else 'SCHEMAS' end as objects,
                case when a.grantee = 0 then 'PUBLIC' else pg_get_userbyid(a.grantee)::text end as grantee,
                a.privilege_type || case when a.is_grantable then ' (grantable)' else '' end as privilege
            from pg_default_acl d
            join pg_namespace n on n.oid = d.defaclnamespace
            cross join lateral aclexplode(d.defaclacl) a
            where n.nspname = any($1)
        ) g
        group by g.schema, g.role, g.objects, g.grantee
        order by 1, 2
        """;
}
