using System.Data;
using System.Diagnostics;
using CiMigrate.Execution;
using CiMigrate.History;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Copying;

/// <summary>
/// <c>copy-schema</c>: plans, then builds the structure and copies the rows in ONE transaction on the target, reading
/// the source in one read-only snapshot (shared by its second connection, which checksums the source while the rows
/// load), and commits only when every table's row count and checksum match. Returns an
/// outcome (refusals and failures included); prints nothing: progress goes to the observer given.
/// </summary>
public sealed class SchemaCopier(CopyRequest request, Action<CopyProgress> progress, CopyHooks? hooks = null)
{
    /// <summary>
    /// How every source connection of a copy reads: the rows' text printed as the checksums expect, and row_security
    /// off, so a source login that row-level security filters fails loudly instead of copying, and proving, the rows
    /// it may see (https://www.postgresql.org/docs/15/runtime-config-client.html#GUC-ROW-SECURITY).
    /// </summary>
    internal const string SourceSessionSettings = TableChecksum.SessionSettings + "; SET row_security = off";

    public async Task<CopyOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var log = new ExecutionLog();
        await using var source = await MigrationSession.OpenAsync(request.Source, request.App, request.SourceEnvironment,
            SessionMode.Read, log, cancellationToken);
        // The target app's lock: no apply of the app and no other copy into it while this runs.
        await using var target = await MigrationSession.OpenAsync(request.Target, request.TargetApp, request.TargetEnvironment,
            request.DryRun ? SessionMode.Read : SessionMode.Write, log, cancellationToken);
        await ExecuteAsync(source.Connection, null, SourceSessionSettings, cancellationToken);
        await ExecuteAsync(target.Connection, null, TableChecksum.SessionSettings, cancellationToken);

        await using var snapshot = await source.Connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await ExecuteAsync(source.Connection, snapshot, "SET TRANSACTION READ ONLY", cancellationToken);
        // Every other source connection of the copy (the proof's) reads in this transaction's snapshot.
        var exported = await SourceChecksums.ExportAsync(source.Connection, snapshot, cancellationToken);
        if (!await source.SchemaExistsAsync(cancellationToken))
        {
            throw new UsageException($"The schema {request.App.Schema} of app '{request.App.Name}' does not exist on " +
                $"{request.SourceEnvironment.Name} ({source.Target}): nothing to copy.");
        }

        // format_type then writes the schema's own types unqualified on both sides, so a renamed copy compares equal.
        await ExecuteAsync(source.Connection, snapshot, $"SET LOCAL search_path TO {Identifiers.Quote(request.App.Schema)}", cancellationToken);
        var structure = await StructurePreparation.PrepareAsync(request, source.Connection, source.ConnectionString, cancellationToken);
        var plan = await PlanAsync(source.Connection, target, structure, cancellationToken);

        if (structure.Problems.Count > 0)
        {
            return new CopyOutcome(plan, CopyStatus.Refused)
            {
                Message = "Some names cannot be rewritten structurally, so nothing was copied:\n" + string.Join('\n', structure.Problems),
                Duration = clock.Elapsed,
            };
        }

        if (plan.Existing.Count > 0 && !request.Replace)
        {
            return new CopyOutcome(plan, CopyStatus.Refused)
            {
                Message = $"The schema {plan.TargetSchema} on {plan.To} is not empty ({string.Join(", ", plan.Existing)}). Nothing was " +
                    "copied. Pass --replace to drop all of it in the copy's transaction, or copy under another name with --rename.",
                Duration = clock.Elapsed,
            };
        }

        if (request.DryRun)
            return new CopyOutcome(plan, CopyStatus.Planned) { Duration = clock.Elapsed };
        if (hooks?.AfterPlanned is { } planned)
            await planned(cancellationToken);
        return await CopyAsync(source, exported, target, structure, plan, clock, cancellationToken);
    }

    async Task<CopyOutcome> CopyAsync(MigrationSession source, string snapshot, MigrationSession target, StructurePreparation structure,
        CopyPlan plan, Stopwatch clock, CancellationToken cancellationToken)
    {
        IReadOnlyList<TableCopyResult> copied = [];
        await using var transaction = await target.Connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(target.Connection, transaction, "SET CONSTRAINTS ALL DEFERRED", cancellationToken);
            if (plan.Handling == ConstraintHandling.ReplicationRole)
                await ExecuteAsync(target.Connection, transaction, "SET LOCAL session_replication_role = replica", cancellationToken);
            if (request.Replace && plan.Existing.Count > 0)
                await DropAsync(target, transaction, cancellationToken);
            await new StructureBuilder(target.Connection, transaction, request).BuildAsync(structure.Scripts, cancellationToken);
            await ExecuteAsync(target.Connection, transaction, $"SET LOCAL search_path TO {Identifiers.Quote(plan.TargetSchema)}", cancellationToken);

            if (!plan.Data)
            {
                await transaction.CommitAsync(cancellationToken);
                return await CommittedAsync(target, new CopyOutcome(plan, CopyStatus.Copied) { Duration = clock.Elapsed }, cancellationToken);
            }

            await using var onSource = await SourceChecksums.StartAsync(source, snapshot, plan, cancellationToken);
            var data = new DataCopier(source.Connection, target.Connection, transaction, plan, progress, hooks);
            copied = await data.CopyAsync(cancellationToken);
            var proofs = await data.ProveAsync(onSource, cancellationToken);
            if (proofs.Where(p => !p.Matches).ToList() is [var first, ..] differing)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new CopyOutcome(plan, CopyStatus.Failed)
                {
                    Table = first.Table,
                    Message = $"The copy of {string.Join(", ", differing.Select(p => $"{plan.TargetSchema}.{p.Table}"))} differs from the " +
                        $"source ({string.Join("; ", differing.Select(Describe))}). The target was rolled back: nothing was copied.",
                    Copied = copied,
                    Proofs = proofs,
                    Duration = clock.Elapsed,
                };
            }

            await transaction.CommitAsync(cancellationToken);
            return await CommittedAsync(target,
                new CopyOutcome(plan, CopyStatus.Copied) { Copied = copied, Proofs = proofs, Duration = clock.Elapsed }, cancellationToken);
        }
        catch (CopyFailedException ex)
        {
            // A connection the server closed took its transaction with it: there is nothing left to roll back.
            if (target.Connection.State == ConnectionState.Open)
                await transaction.RollbackAsync(CancellationToken.None);
            return new CopyOutcome(plan, CopyStatus.Failed)
            {
                Table = ex.Table,
                Message = $"{char.ToUpperInvariant(ex.Message[0])}{ex.Message[1..]}. The target was rolled back: nothing was copied.",
                Copied = copied,
                Duration = clock.Elapsed,
            };
        }
        catch (NpgsqlException ex) when (target.ExplainLostConnection(ex, "the copy") is { } lost)
        {
            throw lost;
        }
    }

    static string Describe(TableProof proof) =>
        proof.SourceRows != proof.TargetRows
            ? $"{proof.Table}: {proof.SourceRows} rows on the source, {proof.TargetRows} on the target"
            : $"{proof.Table}: {proof.SourceRows} rows on both sides, checksum {proof.SourceChecksum} on the source, {proof.TargetChecksum} on the target";

    async Task<CopyPlan> PlanAsync(NpgsqlConnection source, MigrationSession target, StructurePreparation structure,
        CancellationToken cancellationToken)
    {
        var schema = request.App.Schema;
        var tables = await SchemaCatalog.TablesAsync(source, schema, countRows: true, cancellationToken);
        var keys = await SchemaCatalog.ForeignKeysAsync(source, schema, cancellationToken);
        var order = LoadOrder.Of(tables, keys, schema);
        var existing = (await SchemaCatalog.ObjectsAsync(target.Connection, request.TargetApp.Schema, cancellationToken)).ToList();
        var rows = await target.Ledger.ReadAsync(cancellationToken);
        if (rows.Count > 0)
            existing.Add($"{rows.Count} ledger row(s) of app {request.TargetApp.Name}");
        var notes = new List<string>(structure.Notes);
        notes.AddRange(keys.Where(k => k.ReferencedSchema != schema).Select(k =>
            $"{k.Table} references {k.ReferencedSchema}.{k.ReferencedTable} (not copied): the referenced rows must exist on the target"));
        return new CopyPlan
        {
            From = request.SourceEnvironment.Name,
            To = request.TargetEnvironment.Name,
            App = request.App.Name,
            TargetApp = request.TargetApp.Name,
            Schema = schema,
            TargetSchema = request.TargetApp.Schema,
            Migrations = [.. structure.Scripts.Where(s => s.Migration is not null).Select(s => s.Migration!.Id)],
            Data = request.Data,
            Tables = order.Tables,
            Sequences = await SchemaCatalog.SequencesAsync(source, schema, cancellationToken),
            Handling = order.Handling,
            Cycle = order.Cycle,
            Existing = existing,
            Notes = notes,
        };
    }

    async Task DropAsync(MigrationSession target, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync(target.Connection, transaction, $"DROP SCHEMA IF EXISTS {Identifiers.Quote(request.TargetApp.Schema)} CASCADE",
            cancellationToken);
        var rows = await target.Ledger.ReadAsync(cancellationToken);
        if (rows.Count == 0)
            return;
        await using var batch = new NpgsqlBatch(target.Connection, transaction);
        foreach (var row in rows)
        {
            batch.BatchCommands.Add(target.Ledger.RecordRemoved(row.Version, LedgerEventKind.Forget, request.Provenance,
                $"replaced by copy-schema from {request.SourceEnvironment.Name}"));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>After the commit: the hooks an apply runs (PostgREST learns about the new schema, grants are checked).</summary>
    async Task<CopyOutcome> CommittedAsync(MigrationSession target, CopyOutcome outcome, CancellationToken cancellationToken)
    {
        var log = new ExecutionLog();
        await AfterApply.RunHooksAsync(request.AfterCommit, target, log, cancellationToken);
        return outcome with { AfterCommit = log.Events };
    }

    static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
