using CiMigrate.Migrations;
using Npgsql;
using NpgsqlTypes;

namespace CiMigrate.History;

/// <summary>
/// The Supabase CLI's history, <c>supabase_migrations.schema_migrations</c> (version, name, statements): what the
/// runbook's step 3, Supabase Studio's migration list and <c>supabase migration list</c> read. Apply mirrors into it and
/// rollback removes its row, in the migration's own transaction; baseline can adopt from it. Its key is the version
/// alone, so on a database shared by several apps a version can already be another app's: such a row is left alone.
/// </summary>
public static class SupabaseHistory
{
    /// <summary>Whether the database has the Supabase CLI's history table.</summary>
    public static async Task<bool> ExistsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass('supabase_migrations.schema_migrations') IS NOT NULL", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Whether the table exists and the login may read, add and remove its rows: a deploy role that may not (Supabase's
    /// own tables belong to <c>postgres</c>) runs without the mirror.
    /// </summary>
    public static async Task<bool> WritableAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            // Looking a name up in a schema needs USAGE on it: ask for that before naming the table.
            "SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'supabase_migrations') THEN false " +
            "WHEN NOT has_schema_privilege('supabase_migrations', 'USAGE') THEN false " +
            "WHEN to_regclass('supabase_migrations.schema_migrations') IS NULL THEN false " +
            "ELSE has_table_privilege(to_regclass('supabase_migrations.schema_migrations'), 'SELECT, INSERT, DELETE') END", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The rows of the table, version to name (null when the row has none); only <paramref name="versions"/> when given.</summary>
    public static async Task<IReadOnlyDictionary<string, string?>> NamesAsync(NpgsqlConnection connection,
        IReadOnlyCollection<string>? versions, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT version, name FROM supabase_migrations.schema_migrations WHERE $1::text[] IS NULL OR version = ANY($1)", connection);
        command.Parameters.Add(new() { Value = (object?)versions?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            names[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        return names;
    }

    /// <summary>Every row of the table with its statements (an empty list when the row has none).</summary>
    public static async Task<IReadOnlyList<SupabaseRow>> RowsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT version, name, coalesce(statements, '{}') FROM supabase_migrations.schema_migrations ORDER BY version", connection);
        var rows = new List<SupabaseRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new SupabaseRow(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetFieldValue<string[]>(2)));
        return rows;
    }

    /// <summary>
    /// The row of an applied migration, as <c>supabase migration up</c> writes it, noted in the ledger as written for
    /// <paramref name="app"/>; a version already there stays as it is, and is not noted.
    /// </summary>
    public static NpgsqlBatchCommand RecordApplied(Migration migration, string app)
    {
        var command = new NpgsqlBatchCommand(
            "WITH written AS (INSERT INTO supabase_migrations.schema_migrations (version, name, statements) VALUES ($1, $2, $3) " +
            "ON CONFLICT (version) DO NOTHING RETURNING version, name) " +
            $"INSERT INTO {LedgerSchema.SupabaseHistoryRows} (version, app, name) SELECT version, $4, name FROM written " +
            "ON CONFLICT (version) DO UPDATE SET app = excluded.app, name = excluded.name, written_at = now()");
        command.Parameters.Add(new() { Value = migration.Version });
        command.Parameters.Add(new() { Value = migration.Name });
        command.Parameters.Add(new() { Value = migration.Up.Script.Statements.Select(s => s.Text).ToArray() });
        command.Parameters.Add(new() { Value = app });
        return command;
    }

    /// <summary>
    /// Removes the row of a rolled-back migration only when ci-migrate wrote it for <paramref name="app"/>: never another
    /// app's row with the same version and name, nor one another tool wrote.
    /// </summary>
    public static NpgsqlBatchCommand RecordRemoved(Migration migration, string app)
    {
        var command = new NpgsqlBatchCommand(
            $"WITH owned AS (DELETE FROM {LedgerSchema.SupabaseHistoryRows} WHERE version = $1 AND name = $2 AND app = $3 RETURNING version) " +
            "DELETE FROM supabase_migrations.schema_migrations s USING owned WHERE s.version = owned.version");
        command.Parameters.Add(new() { Value = migration.Version });
        command.Parameters.Add(new() { Value = migration.Name });
        command.Parameters.Add(new() { Value = app });
        return command;
    }

    /// <summary>The versions of the table ci-migrate wrote for an app other than <paramref name="app"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> OtherAppsAsync(NpgsqlConnection connection, string app,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT version, app FROM {LedgerSchema.SupabaseHistoryRows} WHERE app <> $1 " +
            $"UNION SELECT version, app FROM {LedgerSchema.AppliedMigrations} WHERE app <> $1", connection);
        command.Parameters.Add(new() { Value = app });
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            owners.TryAdd(reader.GetString(0), reader.GetString(1));
        return owners;
    }
}
