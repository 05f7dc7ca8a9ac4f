using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.History;

/// <summary>
/// Creates and upgrades the schema <c>ci_migrate</c> with the tool's own embedded scripts. Two first runs at once
/// are safe: the upgrade holds a database-wide advisory lock in its transaction, so the second run waits and then
/// finds the ledger current.
/// </summary>
public static class LedgerSchema
{
    public const string Name = ReservedSchemas.Ledger;

    /// <summary>The ledger's rows: one per applied migration of an app.</summary>
    public const string AppliedMigrations = Name + ".applied_migrations";

    /// <summary>Everything that happened to the ledger's rows (applied, rolled back, forgotten, ...), never deleted.</summary>
    public const string Events = Name + ".events";

    /// <summary>The committed segments of migrations that run in segments (ledger 0005), until the migration's own row is written.</summary>
    public const string SegmentProgress = Name + ".segment_progress";

    /// <summary>The rows of supabase_migrations.schema_migrations that ci-migrate wrote, and for which app.</summary>
    public const string SupabaseHistoryRows = Name + ".supabase_history_rows";

    /// <summary>The versions of the ledger's own scripts that ran here.</summary>
    public const string VersionTable = Name + ".schema_version";

    /// <summary>The ledger version that added <c>ci_migrate.segment_progress</c> (History/Sql/0005_segment_progress.sql).</summary>
    public const int SegmentProgressVersion = 5;

    /// <summary>The ledger version this build of the tool writes.</summary>
    public static int LatestVersion => LedgerScripts.Latest;

    /// <summary>The ledger's version in the database: 0 when there is no ledger yet.</summary>
    public static async Task<int> VersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand($"SELECT to_regclass('{VersionTable}') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            return 0;
        await using var version = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {VersionTable}", connection);
        return (int)(await version.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Brings the ledger to <see cref="LatestVersion"/>; returns the version found before (0: created now).</summary>
    public static async Task<int> EnsureAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var found = await VersionAsync(connection, cancellationToken);
        if (found == LatestVersion)
            return found;
        if (found > LatestVersion)
        {
            throw new ExecutionException(
                $"The ledger {Name} in this database is version {found}, newer than this ci-migrate knows ({LatestVersion}): " +
                "upgrade ci-migrate before applying migrations here.");
        }

        try
        {
            return await UpgradeAsync(connection, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new ExecutionException(
                $"The role {connection.UserName} may not create or upgrade the ledger schema {Name} in database " +
                $"{connection.Database} ({ex.MessageText}): grant it CREATE ON DATABASE {connection.Database}, or run " +
                "ci-migrate once as the database owner.", ex);
        }
    }

    /// <summary>
    /// Drops the ledger schema when none of its tables holds a row: what a run that created it and was then refused
    /// leaves nothing of. The tables are locked first, so another app's run that writes a row in the meantime keeps
    /// the ledger. Returns whether it was dropped.
    /// </summary>
    public static async Task<bool> DropIfUnusedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            $"SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = '{Name}' AND tablename <> 'schema_version' ORDER BY 1",
            connection, transaction))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                tables.Add($"{Name}.{reader.GetString(0)}");
        }

        if (tables.Count > 0)
        {
            await using var check = new NpgsqlCommand(
                $"LOCK TABLE {string.Join(", ", tables)} IN ACCESS EXCLUSIVE MODE; " +
                $"SELECT {string.Join(" OR ", tables.Select(t => $"EXISTS (SELECT 1 FROM {t})"))}", connection, transaction);
            if ((bool)(await check.ExecuteScalarAsync(cancellationToken))!)
                return false;
        }

        await using (var drop = new NpgsqlCommand($"DROP SCHEMA {Name} CASCADE", connection, transaction))
            await drop.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The statements that bring a ledger at version <paramref name="from"/> (0: none) to <see cref="LatestVersion"/>,
    /// each script followed by its row in <c>schema_version</c>: what a dry run sends inside its rolled-back transaction.
    /// </summary>
    public static IReadOnlyList<string> UpgradeStatements(int from) => [.. Bootstrap, .. ScriptStatements(from)];

    static readonly string[] Bootstrap =
    [
        $"CREATE SCHEMA IF NOT EXISTS {Name}",
        $"CREATE TABLE IF NOT EXISTS {Name}.schema_version (version integer PRIMARY KEY, name text NOT NULL, " +
        "applied_at timestamptz NOT NULL DEFAULT now())",
    ];

    static IEnumerable<string> ScriptStatements(int from) =>
        LedgerScripts.All.Where(s => s.Version > from).SelectMany(s => SqlScript.Parse(s.Text, s.Name).Statements
            .Select(statement => statement.Text)
            .Append($"INSERT INTO {Name}.schema_version (version, name) VALUES ({s.Version}, '{s.Name.Replace("'", "''", StringComparison.Ordinal)}')"));

    static async Task<int> UpgradeAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var prepare = new NpgsqlBatch(connection, transaction))
        {
            prepare.BatchCommands.Add(new("SELECT pg_advisory_xact_lock(hashtext('ci-migrate:ledger'))"));
            foreach (var statement in Bootstrap)
                prepare.BatchCommands.Add(new(statement));
            await prepare.ExecuteNonQueryAsync(cancellationToken);
        }

        // Read again under the lock: a concurrent first run may have done the work while we waited.
        int current;
        await using (var read = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {Name}.schema_version", connection, transaction))
            current = (int)(await read.ExecuteScalarAsync(cancellationToken))!;

        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            foreach (var statement in ScriptStatements(current))
                batch.BatchCommands.Add(new(statement));
            if (batch.BatchCommands.Count > 0)
                await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return current;
    }
}
