using System.Diagnostics;
using Npgsql;

namespace CiMigrate.Copying;

/// <summary>
/// The data half of a copy, inside the target's transaction and the source's snapshot: checks that the target's
/// structure has the source's columns, empties the new tables (rows a migration seeded come from the source too),
/// loads them in order with user triggers off (an <c>updated_at</c> trigger must not rewrite copied rows) and with the
/// indexes and keys taken off until the rows are in (<see cref="DeferredIndexes"/>), sets the sequences, and proves
/// every table.
/// </summary>
sealed class DataCopier(NpgsqlConnection source, NpgsqlConnection target, NpgsqlTransaction transaction, CopyPlan plan,
    Action<CopyProgress> progress, CopyHooks? hooks)
{
    static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    public async Task<IReadOnlyList<TableCopyResult>> CopyAsync(CancellationToken cancellationToken)
    {
        await CheckStructureAsync(cancellationToken);
        var names = string.Join(", ", plan.Tables.Select(t => SqlNames.Qualified(plan.TargetSchema, t.Name)));
        if (plan.Tables.Count > 0)
            await ExecuteAsync($"TRUNCATE {names}", cancellationToken);
        var triggered = await TablesWithUserTriggersAsync(cancellationToken);
        foreach (var table in triggered)
            await ExecuteAsync($"ALTER TABLE {SqlNames.Qualified(plan.TargetSchema, table)} DISABLE TRIGGER USER", cancellationToken);
        var deferred = await DeferredIndexes.DropAsync(target, transaction, plan.TargetSchema, cancellationToken);

        var results = new List<TableCopyResult>();
        foreach (var table in plan.Tables)
            results.Add(await CopyTableAsync(table, cancellationToken));
        await deferred.RestoreAsync(cancellationToken);

        foreach (var table in triggered)
            await ExecuteAsync($"ALTER TABLE {SqlNames.Qualified(plan.TargetSchema, table)} ENABLE TRIGGER USER", cancellationToken);
        foreach (var sequence in plan.Sequences)
        {
            await ExecuteAsync(
                $"SELECT setval('{SqlNames.Qualified(plan.TargetSchema, sequence.Name).Replace("'", "''")}', {sequence.LastValue}, " +
                $"{(sequence.IsCalled ? "true" : "false")})", cancellationToken);
        }

        return results;
    }

    /// <summary>
    /// Row count and checksum of every table on the target, against the source's (computed meanwhile in the same
    /// snapshot by <see cref="SourceChecksums"/>).
    /// </summary>
    public async Task<IReadOnlyList<TableProof>> ProveAsync(SourceChecksums onSource, CancellationToken cancellationToken)
    {
        var proofs = new List<TableProof>();
        var estimates = await RowEstimates.ReadAsync(source, plan.Schema, cancellationToken);
        var targetSums = new List<(long Rows, string Checksum)>();
        foreach (var table in plan.Tables)
            targetSums.Add(await TableChecksum.ComputeAsync(target, plan.TargetSchema, table, cancellationToken));
        var sourceSums = await onSource.Result;
        foreach (var (table, i) in plan.Tables.Select((t, i) => (t, i)))
        {
            var (sourceRows, sourceChecksum) = sourceSums[i];
            var (targetRows, targetChecksum) = targetSums[i];
            var estimate = estimates.GetValueOrDefault(table.Name);
            proofs.Add(new TableProof(table.Name, sourceRows, sourceChecksum, targetRows, targetChecksum)
            {
                SourceEstimate = estimate?.Rows,
                Warning = RowEstimates.Warning($"{plan.Schema}.{table.Name}", sourceRows, estimate, plan.From),
            });
        }

        return proofs;
    }

    async Task<TableCopyResult> CopyTableAsync(CopyTable table, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var reported = TimeSpan.Zero;
        long bytes;
        try
        {
            bytes = await TableStream.CopyAsync(source, plan.Schema, target, plan.TargetSchema, table, moved =>
            {
                if (clock.Elapsed - reported < ProgressInterval)
                    return;
                reported = clock.Elapsed;
                progress(new CopyProgress(table.Name, null, moved, clock.Elapsed, Done: false));
            }, cancellationToken);
        }
        catch (PostgresException ex)
        {
            throw new CopyFailedException($"copying table {plan.TargetSchema}.{table.Name} failed: {ex.MessageText}" +
                (ex.Detail is null ? "" : $" ({ex.Detail})"), table.Name, ex);
        }

        if (hooks?.AfterTableCopied is { } hook)
            await hook(table.Name, target, cancellationToken);
        var result = new TableCopyResult(table.Name, table.Rows, bytes, clock.Elapsed);
        if (clock.Elapsed >= ProgressInterval)
            progress(new CopyProgress(table.Name, table.Rows, bytes, clock.Elapsed, Done: true));
        return result;
    }

    /// <summary>The replayed structure must have the source's columns with the source's types, else COPY would guess.</summary>
    async Task CheckStructureAsync(CancellationToken cancellationToken)
    {
        var targetTables = (await SchemaCatalog.TablesAsync(target, plan.TargetSchema, countRows: false, cancellationToken))
            .ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var table in plan.Tables)
        {
            if (!targetTables.TryGetValue(table.Name, out var built))
            {
                throw new CopyFailedException($"table {table.Name} exists on {plan.From} but the structure built on {plan.To} has no such " +
                    "table: the source has drifted from its migrations (compare with 'ci-migrate diff').", table.Name);
            }

            var expected = table.Columns.Select(c => $"{c.Name} {c.Type}").Order(StringComparer.Ordinal);
            var found = built.Columns.Select(c => $"{c.Name} {c.Type}").Order(StringComparer.Ordinal);
            if (!expected.SequenceEqual(found))
            {
                throw new CopyFailedException($"table {table.Name} has columns ({string.Join(", ", table.Columns.Select(c => $"{c.Name} {c.Type}"))}) " +
                    $"on {plan.From} but ({string.Join(", ", built.Columns.Select(c => $"{c.Name} {c.Type}"))}) in the structure built on " +
                    $"{plan.To}: the source has drifted from its migrations.", table.Name);
            }
        }
    }

    async Task<IReadOnlyList<string>> TablesWithUserTriggersAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT DISTINCT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace " +
            "WHERE n.nspname = $1 AND NOT g.tgisinternal AND g.tgenabled <> 'D' ORDER BY 1", target, transaction);
        command.Parameters.Add(new() { Value = plan.TargetSchema });
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            tables.Add(reader.GetString(0));
        return tables;
    }

    async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, target, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
