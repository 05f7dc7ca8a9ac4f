using CiMigrate.Execution.Events;
using Npgsql;

namespace CiMigrate.Execution;

/// <summary>
/// The one answer to a lock timeout (<c>55P03</c>), whatever runs: the transaction of a migration, or one statement of
/// a file without a transaction. The work is tried again after a growing, jittered wait, so two runs that blocked each
/// other (or a busy application) do not meet again at the same instant; the last attempt's error is the caller's.
/// </summary>
sealed class LockRetryPolicy(int maxAttempts, Func<int, TimeSpan> delay, ExecutionLog log)
{
    /// <summary>How many times the work is tried in all: <c>lockRetries + 1</c>.</summary>
    public int MaxAttempts => maxAttempts;

    /// <summary>The wait before retry <paramref name="attempt"/> (1-based): about one second per attempt, ±50 %.</summary>
    public static TimeSpan JitteredDelay(int attempt) =>
        TimeSpan.FromMilliseconds(1000 * attempt * (0.5 + Random.Shared.NextDouble()));

    /// <summary>Runs <paramref name="work"/> until it does not hit a lock timeout or the attempts are used up.</summary>
    /// <param name="work">One attempt; it must leave nothing behind when it throws (a rolled-back transaction).</param>
    /// <param name="failing">The step that met the lock timeout, for the <see cref="LockTimeoutRetry"/> event.</param>
    /// <param name="cancellationToken">Cancels the wait and the work.</param>
    public async Task RunAsync(Func<Task> work, Func<MigrationStep> failing, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await work();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable && attempt < maxAttempts)
            {
                var step = failing();
                var wait = delay(attempt);
                log.Add(new LockTimeoutRetry(step.Migration.Version, step.File.DisplayPath, attempt, maxAttempts, wait, ex.MessageText));
                await Task.Delay(wait, cancellationToken);
            }
        }
    }
}
