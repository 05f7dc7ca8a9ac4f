using System.Diagnostics;
using Npgsql;

namespace CiMigrate.Execution;

/// <summary>
/// Files marked <c>-- ci-migrate:no-transaction</c>: each statement on its own (so <c>CREATE INDEX CONCURRENTLY</c>
/// can run), a lock timeout retrying that statement only, the ledger row after the last statement. A failure leaves
/// the statements before it in place, and the file unrecorded; so does an index of the app's schema left invalid.
/// </summary>
sealed class NoTransaction(RunContext context) : ITransactionStrategy
{
    public async Task<bool> RunAsync(IReadOnlyList<MigrationStep> steps, CancellationToken cancellationToken)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (!await RunFileAsync(steps[i], cancellationToken))
            {
                context.Failures.Skip(steps.Skip(i + 1));
                return false;
            }
        }

        return true;
    }

    async Task<bool> RunFileAsync(MigrationStep step, CancellationToken cancellationToken)
    {
        var connection = context.Session.Connection;
        context.Log.Add(new Events.MigrationStarted(step.Migration.Version, step.Migration.Name, step.File.DisplayPath, InTransaction: false));
        var clock = Stopwatch.StartNew();
        var statements = step.File.Script.StatementsToRun;
        var done = 0;
        try
        {
            await using (var preamble = new NpgsqlBatch(connection))
            {
                SessionPreamble.AddTo(preamble, context.Session, local: false);
                context.Session.Guard?.AddOpen(preamble, step.File, local: false);
                await preamble.ExecuteNonQueryAsync(cancellationToken);
            }

            for (; done < statements.Count; done++)
            {
                await context.Retry.RunAsync(async () =>
                {
                    await using var command = new NpgsqlCommand(statements[done].Text, connection);
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }, () => step, cancellationToken);
            }

            await using (var close = new NpgsqlBatch(connection))
            {
                SchemaGuard.AddClose(close, context.Session.Guard);
                await close.ExecuteNonQueryAsync(cancellationToken);
            }

            if (await InvalidIndexes.CheckAfterAsync(context.Session, step, cancellationToken) is { } invalid)
            {
                await context.Failures.ReportAsync(step, invalid, cancellationToken);
                return false;
            }

            await context.Session.Ledger.WriteAsync(step.Record(), cancellationToken);
        }
        catch (PostgresException ex) when (!StepFailures.IsConnectionLost(ex) && done < statements.Count)
        {
            // Without a transaction the guard and the role stay with the session: leave them before the failure is recorded.
            await SchemaGuard.ResetAsync(connection, cancellationToken);
            var failures = context.Failures;
            await failures.ReportAsync(step, failures.Describe(step, ex, done, inTransaction: false, committed: done), cancellationToken);
            return false;
        }
        catch (NpgsqlException ex)
        {
            context.Failures.LostConnection(ex, step, duringCommit: done == statements.Count);
            return false;
        }

        context.Log.Add(step.Done(clock.Elapsed));
        return true;
    }
}
