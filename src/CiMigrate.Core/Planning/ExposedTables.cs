using CiMigrate.Configuration;
using Npgsql;

namespace CiMigrate.Planning;

/// <summary>
/// The tables Supabase's API can reach with row level security disabled, read on the shadow before and after the pending
/// migrations, as Supabase's security advisor reads a live project (its lint 0013, <c>rls_disabled_in_public</c>): a
/// table is reachable when one of the app's API roles that does not bypass RLS (anon, authenticated; service_role
/// bypasses it) has USAGE on its schema and a privilege on it. The server answers both, so a grant to PUBLIC, a role
/// membership or default privileges count as PostgREST will meet them. The tables the pending migrations newly expose
/// are a hazard; one exposed before them is the target's state, not the plan's. The app's own schema counts as reachable:
/// apply grants the API roles USAGE on it when it creates it (the grant check says when an existing one lacks it), and
/// the shadow makes it without.
/// </summary>
public sealed class ExposedTables
{
    const string Query = """
        select n.nspname, c.relname, string_agg(r.rolname::text, ', ' order by r.rolname)
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_roles r on r.rolname = any($1) and not r.rolbypassrls and not r.rolsuper
        where c.relkind in ('r', 'p') and not c.relrowsecurity
          and n.nspname <> 'information_schema' and n.nspname not like 'pg\_%'
          and (has_schema_privilege(r.oid, n.oid, 'USAGE') or n.nspname = $2)
          and has_table_privilege(r.oid, c.oid, 'SELECT, INSERT, UPDATE, DELETE')
        group by n.nspname, c.relname
        order by n.nspname, c.relname
        """;

    readonly Dictionary<(string Schema, string Table), string> _roles;

    ExposedTables(Dictionary<(string Schema, string Table), string> roles) => _roles = roles;

    public static async Task<ExposedTables> ReadAsync(NpgsqlDataSource database, AppSettings app,
        CancellationToken cancellationToken = default)
    {
        var roles = new Dictionary<(string Schema, string Table), string>();
        await using var command = database.CreateCommand(Query);
        command.Parameters.Add(new NpgsqlParameter { Value = app.ApiRoles.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = app.Schema });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            roles[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        return new ExposedTables(roles);
    }

    /// <summary>One hazard per table exposed now that <paramref name="before"/> did not expose.</summary>
    public IReadOnlyList<Hazard> HazardsSince(ExposedTables before) =>
    [
        .. _roles.Where(table => !before._roles.ContainsKey(table.Key))
            .OrderBy(table => table.Key.Schema, StringComparer.Ordinal).ThenBy(table => table.Key.Table, StringComparer.Ordinal)
            .Select(table => Hazard(table.Key.Schema, table.Key.Table, table.Value)),
    ];

    static Hazard Hazard(string schema, string table, string roles)
    {
        var name = $"{schema}.{table}";
        return new Hazard(HazardKind.ExposedWithoutRls, name,
            $"table {name} is reachable through Supabase's API as {roles} with row level security disabled: " +
            "anyone holding the project's anon key reads and changes every row the grants allow")
        {
            Advice = $"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY in the same migration, with policies for the rows each role may see; " +
                     $"or, if the API must not reach it, revoke the API roles' privileges on it (or keep it in a schema the API cannot use).",
        };
    }
}
