using Npgsql;

namespace CiMigrate.History;

/// <summary>
/// Signs that an app's history was lost while its effects stayed, which would make apply run migrations a second
/// time: ledger rows gone while the audit events still record their apply, or a schema that holds objects while the
/// ledger has no row of the app at all (as Flyway refuses a non-empty schema without history).
/// </summary>
public static class LostHistory
{
    /// <summary>
    /// The versions of <paramref name="app"/> whose last event is an apply, a baseline or a restore but that have no ledger row,
    /// with the checksum that event recorded (its detail ends with it), oldest first.
    /// </summary>
    public static async Task<IReadOnlyList<(string Version, string Checksum)>> LostRowsAsync(NpgsqlConnection connection, string app,
        CancellationToken cancellationToken)
    {
        // A dry run on a database without a ledger: nothing recorded, so nothing lost.
        await using (var exists = new NpgsqlCommand($"SELECT to_regclass('{LedgerSchema.Events}') IS NOT NULL", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
                return [];
        }

        await using var command = new NpgsqlCommand(
            $"SELECT DISTINCT ON (e.version) e.version, e.kind, e.detail FROM {LedgerSchema.Events} e " +
            "WHERE e.app = $1 AND e.version IS NOT NULL AND e.kind IN ('apply', 'baseline', 'repair-restore', 'rollback', 'repair-forget') " +
            "ORDER BY e.version, e.id DESC", connection);
        command.Parameters.Add(new() { Value = app });
        var last = new List<(string Version, string Kind, string Detail)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                last.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? "" : reader.GetString(2)));
        }

        var recorded = await RecordedVersionsAsync(connection, app, cancellationToken);
        return [.. last
            .Where(e => e.Kind is "apply" or "baseline" or "repair-restore" && !recorded.Contains(e.Version))
            .Select(e => (e.Version, e.Detail[(e.Detail.LastIndexOf(' ') + 1)..]))];
    }

    /// <summary>Whether the events hold anything of <paramref name="app"/>: a history that was forgotten on purpose is not lost.</summary>
    public static async Task<bool> HasEventsAsync(NpgsqlConnection connection, string app, CancellationToken cancellationToken)
    {
        // A plan reads a target that may have no ledger; a query naming a missing table fails however it is guarded.
        await using (var exists = new NpgsqlCommand($"SELECT to_regclass('{LedgerSchema.Events}') IS NOT NULL", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
                return false;
        }

        await using var command = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {LedgerSchema.Events} WHERE app = $1)", connection);
        command.Parameters.Add(new() { Value = app });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// The other apps whose ledger rows were applied in <paramref name="schema"/>, by name: the schema is theirs. Empty
    /// without a ledger, and for rows written before the ledger kept each row's schema.
    /// </summary>
    public static async Task<IReadOnlyList<string>> OtherOwnersAsync(NpgsqlConnection connection, string schema, string app,
        CancellationToken cancellationToken)
    {
        await using (var exists = new NpgsqlCommand($"SELECT to_regclass('{LedgerSchema.AppliedMigrations}') IS NOT NULL", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
                return [];
        }

        await using var command = new NpgsqlCommand(
            $"SELECT coalesce(array_agg(DISTINCT app ORDER BY app), '{{}}') FROM {LedgerSchema.AppliedMigrations} WHERE schema = $1 AND app <> $2",
            connection);
        command.Parameters.Add(new() { Value = schema });
        command.Parameters.Add(new() { Value = app });
        return await command.ExecuteScalarAsync(cancellationToken) is string[] owners ? owners : [];
    }

    /// <summary>Up to <paramref name="limit"/> names of the tables, views, sequences, functions and types in <paramref name="schema"/>, and how many there are.</summary>
    public static async Task<(IReadOnlyList<string> Names, long Count)> ObjectsAsync(NpgsqlConnection connection, string schema, int limit,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "WITH objects AS (" +
            "  SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " +
            "   WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') " +
            "  UNION ALL SELECT p.proname || '()' FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 " +
            // A table's row type is no object of its own; enums, domains and composite types are.
            "  UNION ALL SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace " +
            "   WHERE n.nspname = $1 AND t.typtype IN ('e', 'd') " +
            "     OR n.nspname = $1 AND t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c') " +
            "SELECT (SELECT array_agg(name ORDER BY name) FROM (SELECT name FROM objects ORDER BY name LIMIT $2) l), (SELECT count(*) FROM objects)",
            connection);
        command.Parameters.Add(new() { Value = schema });
        command.Parameters.Add(new() { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.IsDBNull(0) ? [] : reader.GetFieldValue<string[]>(0), reader.GetInt64(1));
    }

    static async Task<HashSet<string>> RecordedVersionsAsync(NpgsqlConnection connection, string app, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT version FROM {LedgerSchema.AppliedMigrations} WHERE app = $1", connection);
        command.Parameters.Add(new() { Value = app });
        var versions = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            versions.Add(reader.GetString(0));
        return versions;
    }
}
