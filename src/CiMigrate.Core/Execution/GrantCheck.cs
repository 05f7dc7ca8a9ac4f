using CiMigrate.Execution.Events;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Execution;

/// <summary>
/// The runbook's step 4 as a check: every table and sequence of the app's schema has ALL for postgres,
/// authenticated and service_role, and tables SELECT for anon. Roles that do not exist (a plain PostgreSQL) are not
/// asked for. Missing grants are reported by name, or granted when <c>autoGrant</c> is on.
/// </summary>
static class GrantCheck
{
    static readonly string[] TablePrivileges = ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"];
    static readonly string[] SequencePrivileges = ["USAGE", "SELECT", "UPDATE"];
    static readonly string[] FullRoles = ["postgres", "authenticated", "service_role"];

    public static async Task<IReadOnlyList<MissingGrant>> FindMissingAsync(NpgsqlConnection connection, string schema,
        IReadOnlyList<string> apiRoles, CancellationToken cancellationToken)
    {
        var (tableRoles, tablePrivileges) = Wanted(TablePrivileges, withAnonSelect: true);
        var (sequenceRoles, sequencePrivileges) = Wanted(SequencePrivileges, withAnonSelect: false);
        // has_*_privilege with a list answers "any of"; one row per privilege asks "each of".
        await using var command = new NpgsqlCommand(
            "SELECT c.relname, CASE WHEN c.relkind = 'S' THEN 'sequence' ELSE 'table' END, r.rolname, w.privilege " +
            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " +
            "JOIN LATERAL (SELECT * FROM unnest($2::text[], $3::text[]) WHERE c.relkind IN ('r', 'p') " +
            "  UNION ALL SELECT * FROM unnest($4::text[], $5::text[]) WHERE c.relkind = 'S') AS w(role_name, privilege) ON true " +
            "JOIN pg_roles r ON r.rolname = w.role_name " +
            "WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'S') " +
            // An identity column's sequence is used through the table: INSERT is the grant it needs.
            "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'i') " +
            "AND NOT CASE WHEN c.relkind = 'S' " +
            "  THEN has_sequence_privilege(r.oid, c.oid, w.privilege) ELSE has_table_privilege(r.oid, c.oid, w.privilege) END " +
            "ORDER BY 1, 3", connection);
        command.Parameters.Add(new() { Value = schema });
        command.Parameters.Add(new() { Value = tableRoles });
        command.Parameters.Add(new() { Value = tablePrivileges });
        command.Parameters.Add(new() { Value = sequenceRoles });
        command.Parameters.Add(new() { Value = sequencePrivileges });
        var rows = new List<(string Object, string Kind, string Role, string Privilege)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return [.. await MissingSchemaUsageAsync(connection, schema, apiRoles, cancellationToken), .. rows
            .GroupBy(r => (r.Object, r.Kind, r.Role))
            .Select(g => new MissingGrant(g.Key.Object, g.Key.Kind, g.Key.Role, Collapse(g.Key.Kind, [.. g.Select(r => r.Privilege)])))];
    }

    /// <summary>The API roles that exist and lack USAGE on the schema: through them the API cannot reach any of its tables.</summary>
    static async Task<IReadOnlyList<MissingGrant>> MissingSchemaUsageAsync(NpgsqlConnection connection, string schema,
        IReadOnlyList<string> apiRoles, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT rolname FROM pg_roles WHERE rolname = ANY($2) AND NOT has_schema_privilege(oid, $1, 'USAGE') ORDER BY rolname", connection);
        command.Parameters.Add(new() { Value = schema });
        command.Parameters.Add(new() { Value = apiRoles.ToArray() });
        var missing = new List<MissingGrant>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            missing.Add(new MissingGrant(schema, "schema", reader.GetString(0), ["USAGE"]));
        return missing;
    }

    public static async Task GrantAsync(NpgsqlConnection connection, string schema, IReadOnlyList<MissingGrant> missing,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var grant in missing)
        {
            var on = grant.ObjectKind switch
            {
                "schema" => $"SCHEMA {Identifiers.Quote(schema)}",
                "sequence" => $"SEQUENCE {Identifiers.Quote(schema)}.{Identifiers.Quote(grant.Object)}",
                _ => $"TABLE {Identifiers.Quote(schema)}.{Identifiers.Quote(grant.Object)}",
            };
            batch.BatchCommands.Add(new($"GRANT {string.Join(", ", grant.Privileges)} ON {on} TO {Identifiers.Quote(grant.Role)}"));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    static (string[] Roles, string[] Privileges) Wanted(string[] privileges, bool withAnonSelect)
    {
        var pairs = FullRoles.SelectMany(role => privileges.Select(p => (role, p))).ToList();
        if (withAnonSelect)
            pairs.Add(("anon", "SELECT"));
        return ([.. pairs.Select(p => p.Item1)], [.. pairs.Select(p => p.Item2)]);
    }

    static IReadOnlyList<string> Collapse(string kind, IReadOnlyList<string> privileges) =>
        privileges.Count == (kind == "sequence" ? SequencePrivileges.Length : TablePrivileges.Length) ? ["ALL"] : privileges;

}
