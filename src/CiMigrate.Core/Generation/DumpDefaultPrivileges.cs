using System.Text.RegularExpressions;
using CiMigrate.Sql;

namespace CiMigrate.Generation;

/// <summary>
/// pg_dump writes each object's grants relative to PostgreSQL's built-in default privileges (it REVOKEs from PUBLIC and
/// GRANTs what the object has), and writes the default privileges themselves last, so that they touch nothing it
/// restores. A fresh Supabase project has default privileges that grant new functions, tables and sequences to
/// <c>anon</c>, <c>authenticated</c> and <c>service_role</c>: loaded there as written, a dumped SECURITY DEFINER function
/// whose EXECUTE was revoked from <c>anon</c> would get it back. So a file pg_dump wrote loads with the loading role's
/// default privileges set to PostgreSQL's built-in ones, and gets the project's back (with whatever the dump's own
/// <c>ALTER DEFAULT PRIVILEGES</c> added) when it is done. Only the loading role's entries matter: default privileges
/// apply to the objects a role creates, and the loader creates them all.
/// </summary>
static partial class DumpDefaultPrivileges
{
    /// <summary>Whether pg_dump (or <c>supabase db dump</c>, which runs it) wrote the file: its header says so.</summary>
    public static bool WroteIt(SqlScript file) => DumpHeader().IsMatch(file.Text);

    const string Saved = "pg_temp.ci_migrate_default_acl";

    // One ALTER DEFAULT PRIVILEGES for an entry d (role, schema or 0, object type) and an aclitem a.
    const string Statement = """
        format('ALTER DEFAULT PRIVILEGES FOR ROLE %I%s %s %s ON %s %s %s%s',
            pg_get_userbyid(d.defaclrole),
            case when d.defaclnamespace <> 0 then ' IN SCHEMA ' || quote_ident((select nspname from pg_namespace where oid = d.defaclnamespace)) else '' end,
            verb, a.privilege_type,
            case d.defaclobjtype when 'r' then 'TABLES' when 'S' then 'SEQUENCES' when 'f' then 'FUNCTIONS' when 'T' then 'TYPES' else 'SCHEMAS' end,
            case verb when 'GRANT' then 'TO' else 'FROM' end,
            case when a.grantee = 0 then 'PUBLIC' else quote_ident(pg_get_userbyid(a.grantee)) end,
            case when verb = 'GRANT' and a.is_grantable then ' WITH GRANT OPTION' else '' end)
        """;

    // acldefault names the sequence type 's' where pg_default_acl says 'S'.
    const string BuiltIn = "acldefault(case d.defaclobjtype when 'S' then 's' else d.defaclobjtype end, d.defaclrole)";

    /// <summary>Keeps the loading role's default privileges in a temporary table, then sets them to the built-in ones.</summary>
    public static readonly string Reset = $"""
        CREATE TEMP TABLE {Saved[8..]} AS
            SELECT * FROM pg_catalog.pg_default_acl WHERE defaclrole = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user);
        DO $reset$
        DECLARE s text;
        BEGIN
            FOR s IN
                SELECT {Statement} FROM {Saved} d, aclexplode(d.defaclacl) a, (VALUES ('REVOKE')) v(verb)
                UNION ALL
                SELECT {Statement} FROM {Saved} d, aclexplode({BuiltIn}) a, (VALUES ('GRANT')) v(verb) WHERE d.defaclnamespace = 0
            LOOP
                EXECUTE s;
            END LOOP;
        END
        $reset$;
        """;

    /// <summary>Gives the loading role its default privileges back, on top of what the dump's own statements set.</summary>
    public static readonly string Restore = $"""
        DO $restore$
        DECLARE s text;
        BEGIN
            FOR s IN
                SELECT {Statement} FROM {Saved} d, aclexplode({BuiltIn}) a, (VALUES ('REVOKE')) v(verb)
                WHERE d.defaclnamespace = 0 AND NOT (a.grantee, a.privilege_type) IN (SELECT g.grantee, g.privilege_type FROM aclexplode(d.defaclacl) g)
                UNION ALL
                SELECT {Statement} FROM {Saved} d, aclexplode(d.defaclacl) a, (VALUES ('GRANT')) v(verb)
            LOOP
                EXECUTE s;
            END LOOP;
        END
        $restore$;
        DROP TABLE {Saved};
        """;

    [GeneratedRegex(@"^-- (PostgreSQL database dump|Dumped by pg_dump version)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex DumpHeader();
}
