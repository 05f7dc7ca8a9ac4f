using System.Diagnostics;
using CiMigrate.Execution.Events;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Execution;

/// <summary>
/// A file that runs in segments (<see cref="SqlScript.Segments"/>): each segment committed with its progress row, in its
/// transaction (a statement that cannot run in one: right after it), the last with the ledger row. A failure or a
/// kill leaves the committed segments recorded, and the next run resumes at the first one not committed
/// (<see cref="MigrationStep.Resume"/>). Each segment starts as the file left the session: the settings the segments
/// before it made (<see cref="TransactionSegments.SettingsBefore"/>) come after the preamble.
/// </summary>
sealed class SegmentedRun(RunContext context)
{
    public async Task<bool> RunAsync(MigrationStep step, CancellationToken cancellationToken)
    {
        // Held to the end, so that every File.Script and Segments of the step is this one parse (see BatchTransaction).
        var script = step.File.Script;
        var segments = step.Segments;
        var migration = step.Migration;
        context.Log.Add(new MigrationStarted(migration.Version, migration.Name, step.File.DisplayPath, InTransaction: false));
        if (step.Resume > 0)
            context.Log.Add(new MigrationResumed(migration.Version, migration.Name, step.File.DisplayPath, step.Resume + 1, segments.Count));
        var clock = Stopwatch.StartNew();
        for (var i = step.Resume; i < segments.Count; i++)
        {
            var segment = segments[i];
            var records = Records(step, i);
            var ok = segment.InTransaction
                ? await RunInTransactionAsync(step, segment, records, cancellationToken)
                : await RunAloneAsync(step, segment, records, cancellationToken);
            if (!ok)
                return false;
            context.Log.Add(new SegmentCommitted(migration.Version, step.File.DisplayPath, i + 1, segments.Count, segment.Describe(),
                segment.InTransaction));
        }

        context.Log.Add(step.Done(clock.Elapsed));
        GC.KeepAlive(script);
        return true;
    }

    /// <summary>
    /// What commits with segment <paramref name="index"/>: its progress row, or, for the last, the ledger row's change (the
    /// row of an up file, its removal for a down file) and the end of the progress rows.
    /// </summary>
    IReadOnlyList<NpgsqlBatchCommand> Records(MigrationStep step, int index)
    {
        var segments = step.Segments;
        var ledger = context.Session.Ledger;
        return index == segments.Count - 1
            ? [.. step.Record(), ledger.ClearProgress(step.Migration.Version)]
            : [ledger.RecordSegment(step.Migration, index, segments.Count, AppliedPart.ChecksumOf(segments, index),
                AppliedPart.ChecksumOf(segments[index]), segments[index].Lines, context.Provenance, rollingBack: !step.Forward)];
    }

    async Task<bool> RunInTransactionAsync(MigrationStep step, TransactionSegment segment, IReadOnlyList<NpgsqlBatchCommand> records,
        CancellationToken cancellationToken)
    {
        var session = context.Session;
        var carried = TransactionSegments.SettingsBefore(step.Segments, segment.Index).ToList();
        MigrationBatch? running = null;
        try
        {
            await context.Retry.RunAsync(async () =>
            {
                await using var transaction = await session.Connection.BeginTransactionAsync(cancellationToken);
                // SET TRANSACTION must come before any query of the transaction: first, before the preamble.
                await using (running = new MigrationBatch(step, session, transaction,
                    segment.TransactionOptions is { } options ? [options] : [], carried, segment.Statements, records))
                    await running.ExecuteAsync(cancellationToken);
                running = null;
                await transaction.CommitAsync(cancellationToken);
            }, () => step, cancellationToken);
        }
        catch (PostgresException ex) when (!StepFailures.IsConnectionLost(ex) && running is not null)
        {
            var failures = context.Failures;
            await failures.ReportAsync(step, failures.Describe(step, ex, running.FailedStatement, inTransaction: true,
                committed: CommittedBefore(step, segment)), cancellationToken);
            return false;
        }
        catch (NpgsqlException ex)
        {
            context.Failures.LostConnection(ex, step, duringCommit: running is null);
            return false;
        }

        return true;
    }

    async Task<bool> RunAloneAsync(MigrationStep step, TransactionSegment segment, IReadOnlyList<NpgsqlBatchCommand> records,
        CancellationToken cancellationToken)
    {
        var session = context.Session;
        var connection = session.Connection;
        var statement = segment.Statements[0];
        var ran = false;
        try
        {
            await using (var preamble = new NpgsqlBatch(connection))
            {
                SessionPreamble.AddTo(preamble, session, local: false);
                session.Guard?.AddOpen(preamble, step.File, local: false);
                foreach (var setting in TransactionSegments.SettingsBefore(step.Segments, segment.Index))
                    preamble.BatchCommands.Add(new(setting.Text));
                if (session.MarksStatements)
                    preamble.BatchCommands.Add(StatementMarks.Command(step.Migration.Version,
                        MigrationBatch.IndexIn(step.File.Script.StatementsToRun, statement), local: false));
                // Alone in its round trip (CONCURRENTLY runs in no batch), a statement the file's allow-schema covers
                // leaves the role here; the close resets it anyway (SchemaGuard.AddStatement).
                if (SchemaGuard.RunsAsLogin(session.Guard, step.File, statement))
                    preamble.BatchCommands.Add(new("RESET ROLE"));
                await preamble.ExecuteNonQueryAsync(cancellationToken);
            }

            await context.Retry.RunAsync(async () =>
            {
                await using var command = new NpgsqlCommand(statement.Text, connection);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }, () => step, cancellationToken);
            ran = true;

            await using (var close = new NpgsqlBatch(connection))
            {
                if (step.File.Script.Statements.Any(TransactionSegments.SetsRole))
                    close.BatchCommands.Add(new("RESET ROLE"));
                SchemaGuard.AddClose(close, session.Guard);
                await close.ExecuteNonQueryAsync(cancellationToken);
            }

            // Any statement outside a transaction may leave an index invalid (a build that failed half-way, or a
            // superuser's UPDATE of pg_index): checked before the segment is recorded, so an invalid index never is.
            if (await InvalidIndexes.CheckAfterAsync(session, step, CommittedBefore(step, segment), cancellationToken) is { } invalid)
            {
                await context.Failures.ReportAsync(step, invalid, cancellationToken);
                return false;
            }

            if (records.Count > 0)
                await session.Ledger.WriteAsync(records, cancellationToken);
        }
        catch (PostgresException ex) when (!StepFailures.IsConnectionLost(ex) && !ran)
        {
            // Without a transaction the guard and the role stay with the session: leave them before the failure is recorded.
            await SchemaGuard.ResetAsync(connection, cancellationToken);
            var failures = context.Failures;
            await failures.ReportAsync(step, failures.Describe(step, ex, MigrationBatch.IndexIn(step.File.Script.StatementsToRun, statement),
                inTransaction: false, committed: CommittedBefore(step, segment)), cancellationToken);
            return false;
        }
        catch (NpgsqlException ex)
        {
            context.Failures.LostConnection(ex, step, duringCommit: ran);
            return false;
        }

        return true;
    }

    /// <summary>The statements of the segments that committed before <paramref name="segment"/>: they stay applied.</summary>
    static int CommittedBefore(MigrationStep step, TransactionSegment segment) =>
        step.Segments.Take(segment.Index).Sum(s => s.Statements.Count);
}
