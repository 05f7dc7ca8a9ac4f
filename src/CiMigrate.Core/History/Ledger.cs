using CiMigrate.Migrations;
using Npgsql;
using NpgsqlTypes;

namespace CiMigrate.History;

/// <summary>
/// Reads and writes one app's rows of the ledger. Writes come as batch commands so that the executor can send a
/// migration's history row in the same round trip and transaction as the migration itself. Another app's rows are
/// never read as an error and never changed: every statement is keyed by app.
/// </summary>
public sealed class Ledger(NpgsqlConnection connection, string app, string schema)
{
    const string Columns = "app, version, name, checksum, applied_at, applied_by, duration_ms, environment, git_sha, run_url, approver";

    // Whether the ledger exists, and whether it has the schema column: a ledger from before version 2 (read by status
    // before a write upgraded it) has none, and its rows read as null there. Asked first, because reading the column
    // through the row as JSON (to_jsonb(a) ->> 'schema') cost the server 23 ms more for 10,000 rows than the column.
    const string ExistsSql =
        $"SELECT to_regclass('{LedgerSchema.AppliedMigrations}') IS NOT NULL, EXISTS (SELECT 1 FROM pg_attribute " +
        $"WHERE attrelid = to_regclass('{LedgerSchema.AppliedMigrations}') AND attname = 'schema' AND NOT attisdropped)";

    // Measured on the server from the moment the migration's first command starts, so the row can be written in the
    // migration's own batch; the executor sets ci_migrate.started locally in the transaction.
    const string DurationSql =
        "greatest(0, round(extract(epoch FROM clock_timestamp() - " +
        "coalesce(nullif(current_setting('ci_migrate.started', true), '')::timestamptz, now())) * 1000))::integer";

    public string App { get; } = app;

    /// <summary>This app's applied migrations, oldest version first; empty when the database has no ledger yet.</summary>
    public async Task<IReadOnlyList<AppliedMigration>> ReadAsync(CancellationToken cancellationToken)
    {
        bool hasSchemaColumn;
        await using (var exists = new NpgsqlCommand(ExistsSql, connection))
        await using (var found = await exists.ExecuteReaderAsync(cancellationToken))
        {
            await found.ReadAsync(cancellationToken);
            if (!found.GetBoolean(0))
                return [];
            hasSchemaColumn = found.GetBoolean(1);
        }

        await using var command = new NpgsqlCommand(
            $"SELECT {Columns}, {(hasSchemaColumn ? "schema" : "NULL::text")} FROM {LedgerSchema.AppliedMigrations} WHERE app = $1 ORDER BY version",
            connection);
        command.Parameters.Add(new() { Value = App });
        var rows = new List<AppliedMigration>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new AppliedMigration(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5), reader.GetInt32(6),
                    NullableString(reader, 7), NullableString(reader, 8), NullableString(reader, 9), NullableString(reader, 10),
                    NullableString(reader, 11)));
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new ExecutionException(
                $"The role {connection.UserName} may not read the ledger {LedgerSchema.Name} ({ex.MessageText}): " +
                "run ci-migrate as the role that created it, or grant USAGE on the schema and SELECT on its tables.", ex);
        }

        return rows;
    }

    /// <summary>
    /// The versions of this app that ci-migrate applied in <paramref name="environment"/>, each with the checksum its
    /// <c>apply</c> events name (the event's detail ends with it). A ledger row is a claim anyone holding the login can
    /// insert; the apply event is written in the same statement as the row the executor writes, so a row without one
    /// was not applied by ci-migrate.
    /// </summary>
    public async Task<ILookup<string, string>> ReadAppliedChecksumsAsync(string environment, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT version, detail FROM {LedgerSchema.Events} WHERE app = $1 AND kind = $2 AND environment = $3 AND version IS NOT NULL",
            connection);
        command.Parameters.Add(new() { Value = App });
        command.Parameters.Add(new() { Value = LedgerEventKind.Apply.Text() });
        command.Parameters.Add(new() { Value = environment });
        var events = new List<(string Version, string Checksum)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var detail = NullableString(reader, 1) ?? "";
            events.Add((reader.GetString(0), detail[(detail.LastIndexOf(' ') + 1)..]));
        }

        return events.ToLookup(e => e.Version, e => e.Checksum, StringComparer.Ordinal);
    }

    /// <summary>
    /// This app's committed segments of partly applied migrations, by version then segment; empty when the ledger has
    /// none (or predates them: a read session does not upgrade it).
    /// </summary>
    /// <param name="tableExists">Whether the caller knows the ledger is at <see cref="LedgerSchema.SegmentProgressVersion"/>
    /// or later (a write session), which saves asking.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<IReadOnlyList<SegmentProgress>> ReadProgressAsync(bool tableExists, CancellationToken cancellationToken)
    {
        if (!tableExists)
        {
            await using var exists = new NpgsqlCommand($"SELECT to_regclass('{LedgerSchema.SegmentProgress}') IS NOT NULL", connection);
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
                return [];
        }

        // A read session does not upgrade the ledger: before version 9 the table has no direction, and every row is an up file's.
        await using var command = new NpgsqlCommand(
            "SELECT version, name, segment, segments, applied_checksum, segment_checksum, lines, committed_at, environment, " +
            "coalesce(to_jsonb(p) ->> 'direction', 'up') = 'down' " +
            $"FROM {LedgerSchema.SegmentProgress} p WHERE app = $1 ORDER BY version, segment", connection);
        command.Parameters.Add(new() { Value = App });

        var rows = new List<SegmentProgress>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new SegmentProgress(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7),
                NullableString(reader, 8)) { RollingBack = reader.GetBoolean(9) });
        }

        return rows;
    }

    /// <summary>The progress row of a committed segment, to run in the segment's transaction (or right after it).</summary>
    /// <param name="rollingBack">Whether the segment is of the down file (a rollback's).</param>
    public NpgsqlBatchCommand RecordSegment(Migration migration, int segment, int segments, string appliedChecksum,
        string segmentChecksum, string lines, RunProvenance provenance, bool rollingBack)
    {
        var command = new NpgsqlBatchCommand(
            $"INSERT INTO {LedgerSchema.SegmentProgress} (app, version, name, segment, segments, applied_checksum, segment_checksum, lines, environment, direction) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)");
        command.Parameters.Add(new() { Value = App });
        command.Parameters.Add(new() { Value = migration.Version });
        command.Parameters.Add(new() { Value = migration.Name });
        command.Parameters.Add(new() { Value = segment });
        command.Parameters.Add(new() { Value = segments });
        command.Parameters.Add(new() { Value = appliedChecksum });
        command.Parameters.Add(new() { Value = segmentChecksum });
        command.Parameters.Add(new() { Value = lines });
        command.Parameters.Add(Text(provenance.Environment));
        command.Parameters.Add(new() { Value = rollingBack ? "down" : "up" });
        return command;
    }

    /// <summary>Removes the progress rows of a migration: with its ledger row, its rollback, or a repair.</summary>
    public NpgsqlBatchCommand ClearProgress(string version)
    {
        var command = new NpgsqlBatchCommand($"DELETE FROM {LedgerSchema.SegmentProgress} WHERE app = $1 AND version = $2");
        command.Parameters.Add(new() { Value = App });
        command.Parameters.Add(new() { Value = version });
        return command;
    }

    /// <summary>The history row of an applied migration and its <c>apply</c> event, as one command.</summary>
    public NpgsqlBatchCommand RecordApplied(Migration migration, RunProvenance provenance) =>
        Insert(migration.Version, migration.Name, migration.Checksum, DurationSql, LedgerEventKind.Apply, provenance,
            $"{migration.Up.DisplayPath} {migration.Checksum}");

    /// <summary>A migration marked applied without running it (<c>baseline</c>), with its event.</summary>
    public NpgsqlBatchCommand RecordBaselined(Migration migration, RunProvenance provenance, string detail) =>
        Insert(migration.Version, migration.Name, migration.Checksum, "0", LedgerEventKind.Baseline, provenance, detail);

    /// <summary>Puts back the lost row of a migration its events record as applied (<c>repair --restore-lost</c>), with an event.</summary>
    public NpgsqlBatchCommand RecordRestored(Migration migration, string checksum, RunProvenance provenance, string detail) =>
        Insert(migration.Version, migration.Name, checksum, "0", LedgerEventKind.Restore, provenance, detail);

    /// <summary>A partly applied migration marked applied by hand (<c>repair --partial &lt;version&gt; --to applied</c>), with its event.</summary>
    public NpgsqlBatchCommand RecordPartialApplied(Migration migration, RunProvenance provenance, string detail) =>
        Insert(migration.Version, migration.Name, migration.Checksum, "0", LedgerEventKind.PartialApplied, provenance, detail);

    /// <summary>A migration replayed by <c>copy-schema</c> to build a copy of the app's schema, with its event.</summary>
    public NpgsqlBatchCommand RecordCopied(string version, string name, string checksum, RunProvenance provenance, string detail) =>
        Insert(version, name, checksum, "0", LedgerEventKind.Copy, provenance, detail);

    /// <summary>Removes the row of a rolled-back or forgotten migration and keeps an event saying so.</summary>
    public NpgsqlBatchCommand RecordRemoved(string version, LedgerEventKind kind, RunProvenance provenance, string detail)
    {
        var command = new NpgsqlBatchCommand(
            $"WITH removed AS (DELETE FROM {LedgerSchema.AppliedMigrations} WHERE app = $1 AND version = $2 RETURNING app, version) " +
            $"INSERT INTO {LedgerSchema.Events} (app, version, kind, environment, actor, detail) " +
            "SELECT app, version, $3, $4, $5, $6 FROM removed");
        AddEventParameters(command, version, kind, provenance, detail);
        return command;
    }

    /// <summary>Takes the local file's checksum as the applied one (<c>repair --accept-checksum</c>), with an event.</summary>
    public NpgsqlBatchCommand RecordChecksumAccepted(string version, string checksum, RunProvenance provenance, string detail)
    {
        var command = new NpgsqlBatchCommand(
            $"WITH changed AS (UPDATE {LedgerSchema.AppliedMigrations} SET checksum = $7 WHERE app = $1 AND version = $2 RETURNING app, version) " +
            $"INSERT INTO {LedgerSchema.Events} (app, version, kind, environment, actor, detail) " +
            "SELECT app, version, $3, $4, $5, $6 FROM changed");
        AddEventParameters(command, version, LedgerEventKind.AcceptChecksum, provenance, detail);
        command.Parameters.Add(new() { Value = checksum });
        return command;
    }

    /// <summary>An event on its own: a failed migration, with PostgreSQL's error text.</summary>
    public NpgsqlBatchCommand RecordEvent(string? version, LedgerEventKind kind, RunProvenance provenance, string detail)
    {
        var command = new NpgsqlBatchCommand(
            $"INSERT INTO {LedgerSchema.Events} (app, version, kind, environment, actor, detail) VALUES ($1, $2, $3, $4, $5, $6)");
        AddEventParameters(command, version, kind, provenance, detail);
        return command;
    }

    /// <summary>Runs ledger commands in one transaction.</summary>
    public async Task WriteAsync(IEnumerable<NpgsqlBatchCommand> commands, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in commands)
            batch.BatchCommands.Add(command);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    NpgsqlBatchCommand Insert(string version, string name, string checksum, string durationSql, LedgerEventKind kind,
        RunProvenance provenance, string detail)
    {
        var command = new NpgsqlBatchCommand(
            "WITH recorded AS (" +
            $"INSERT INTO {LedgerSchema.AppliedMigrations} (app, version, name, checksum, applied_by, duration_ms, environment, git_sha, run_url, approver, schema) " +
            $"VALUES ($1, $2, $7, $8, $5, {durationSql}, $4, $9, $10, $11, $12) RETURNING app, version) " +
            $"INSERT INTO {LedgerSchema.Events} (app, version, kind, environment, actor, detail) " +
            "SELECT app, version, $3, $4, $5, $6 FROM recorded");
        AddEventParameters(command, version, kind, provenance, detail);
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = checksum });
        command.Parameters.Add(Text(provenance.GitSha));
        command.Parameters.Add(Text(provenance.RunUrl));
        command.Parameters.Add(Text(provenance.Approver));
        command.Parameters.Add(new() { Value = schema });
        return command;
    }

    // $1 app, $2 version, $3 kind, $4 environment, $5 actor, $6 detail.
    void AddEventParameters(NpgsqlBatchCommand command, string? version, LedgerEventKind kind, RunProvenance provenance, string detail)
    {
        command.Parameters.Add(new() { Value = App });
        command.Parameters.Add(Text(version));
        command.Parameters.Add(new() { Value = kind.Text() });
        command.Parameters.Add(Text(provenance.Environment));
        command.Parameters.Add(new() { Value = Actor(provenance) });
        command.Parameters.Add(new() { Value = detail });
    }

    // The database role is what PostgreSQL knows; the GitHub actor is who pressed the button.
    string Actor(RunProvenance provenance) =>
        provenance.Actor is null ? connection.UserName ?? "unknown" : $"{provenance.Actor} as {connection.UserName}";

    static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
