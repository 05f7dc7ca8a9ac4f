using System.Diagnostics;
using CiMigrate.Execution.Events;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Execution;

/// <summary>
/// The unit the transactional strategies share: steps in one transaction, one <see cref="MigrationBatch"/> per step,
/// ended as the strategy says. A lock timeout rolls the whole transaction back and tries it again
/// (<see cref="LockRetryPolicy"/>); a failure reports the failing statement and the steps it took with it.
/// </summary>
sealed class BatchTransaction(RunContext context)
{
    /// <summary>Runs <paramref name="steps"/>; false when one failed (then nothing of them stays).</summary>
    /// <param name="steps">The steps, in order.</param>
    /// <param name="end">Commit the transaction, or roll it back (a dry run).</param>
    /// <param name="setup">Commands to run first inside the transaction (a dry run's schema and ledger); empty for none.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public async Task<bool> RunAsync(IReadOnlyList<MigrationStep> steps, TransactionEnd end, IReadOnlyList<string> setup,
        CancellationToken cancellationToken)
    {
        MigrationBatch? running = null;
        List<(MigrationStep Step, TimeSpan Duration)> done = [];
        var failures = context.Failures;
        try
        {
            await context.Retry.RunAsync(async () =>
            {
                done = [];
                await using var transaction = await context.Session.Connection.BeginTransactionAsync(cancellationToken);
                foreach (var step in steps)
                {
                    if (step.File.Script.TransactionMode == TransactionMode.Wrapped)
                        context.Log.Add(new WrapperLeftOut(step.Migration.Version, step.File.DisplayPath));
                    context.Log.Add(new MigrationStarted(step.Migration.Version, step.Migration.Name, step.File.DisplayPath, InTransaction: true));
                    var clock = Stopwatch.StartNew();
                    // Held while the step runs, so that every File.Script of it is this one parse (the file keeps it only
                    // weakly: a run must not keep 1,000 parsed files alive), and a failing statement maps back by reference.
                    var script = step.File.Script;
                    await using (running = new MigrationBatch(step, context.Session, transaction, step == steps[0] ? setup : []))
                        await running.ExecuteAsync(cancellationToken);
                    GC.KeepAlive(script);
                    done.Add((step, clock.Elapsed));
                }

                running = null;
                if (end == TransactionEnd.Commit)
                    await transaction.CommitAsync(cancellationToken);
                else
                    await transaction.RollbackAsync(cancellationToken);
            }, () => running?.Step ?? steps[^1], cancellationToken);
        }
        catch (PostgresException ex) when (!StepFailures.IsConnectionLost(ex) && running is not null)
        {
            var failed = running.Step;
            var failure = failures.Describe(failed, ex, running.FailedStatement, inTransaction: true, committed: 0);
            if (end == TransactionEnd.Commit)
                await failures.ReportAsync(failed, failure, cancellationToken);
            else
                context.Log.Add(failure);
            failures.Skip(done.Select(d => d.Step), "rolled back with the failing migration");
            failures.Skip(steps.SkipWhile(s => s != failed).Skip(1));
            return false;
        }
        catch (PostgresException ex) when (!StepFailures.IsConnectionLost(ex))
        {
            // A deferred constraint checked at COMMIT: the transaction is gone, nothing was applied.
            var last = steps[^1];
            context.Log.Add(new MigrationFailed(last.Migration.Version, last.Migration.Name, last.File.DisplayPath, 1, 1,
                $"COMMIT failed: {ex.MessageText}", ex.Detail, ex.Hint, ex.SqlState, inTransaction: true, 0));
            return false;
        }
        catch (NpgsqlException ex)
        {
            failures.LostConnection(ex, running?.Step ?? steps[^1], duringCommit: running is null);
            return false;
        }

        foreach (var (step, duration) in done)
            context.Log.Add(step.Done(duration));
        return true;
    }
}
