using CiMigrate.Execution.Events;
using CiMigrate.History;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Execution;

/// <summary>
/// Turns what went wrong while a step ran into events: a failing statement at file:line:col, a lost connection, the
/// steps not run after it; and keeps a <c>failure</c> row in the ledger's events.
/// </summary>
sealed class StepFailures(RunContext context)
{
    /// <summary>Whether the error means the connection is gone (not the server refusing a statement).</summary>
    public static bool IsConnectionLost(NpgsqlException error) =>
        error is not PostgresException
        || error is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow };

    /// <summary>The failure of <paramref name="step"/>, located through the lexer.</summary>
    /// <param name="step">The migration that failed.</param>
    /// <param name="error">What the server said.</param>
    /// <param name="statementIndex">The file's failing statement; its statement count for the ledger commands; null for the preamble.</param>
    /// <param name="inTransaction">Whether the file ran in a transaction (so nothing of it stays).</param>
    /// <param name="committed">Statements of a file without a transaction that ran before the failing one.</param>
    public MigrationFailed Describe(MigrationStep step, PostgresException error, int? statementIndex, bool inTransaction, int committed)
    {
        var statements = step.File.Script.StatementsToRun;
        var message = error.MessageText;
        if (error.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            var attempts = context.Retry.MaxAttempts;
            message += $" (tried {attempts} time{(attempts == 1 ? "" : "s")}; lock_timeout is " +
                $"{SessionPreamble.Milliseconds(context.Session.Environment.LockTimeout)} ms)";
        }

        if (statementIndex is { } index && index < statements.Count)
        {
            var statement = statements[index];
            var location = error.Position > 0
                ? statement.LocationOfServerPosition(error.Position)
                : new SqlLocation(statement.Line, statement.Column);
            return new MigrationFailed(step.Migration.Version, step.Migration.Name, step.File.DisplayPath, location.Line,
                location.Column, message, error.Detail, error.Hint, error.SqlState, inTransaction, committed);
        }

        // Our own commands (settings, ledger row) failed, not a statement of the file.
        var what = statementIndex is null ? "preparing the session" : "recording the migration in the ledger";
        return new MigrationFailed(step.Migration.Version, step.Migration.Name, step.File.DisplayPath, 1, 1,
            $"{what} failed: {message}", error.Detail, error.Hint, error.SqlState, inTransaction, committed);
    }

    /// <summary>Reports <paramref name="failure"/> and keeps it in the ledger's events (outside any transaction).</summary>
    public async Task ReportAsync(MigrationStep step, MigrationFailed failure, CancellationToken cancellationToken)
    {
        context.Log.Add(failure);
        var detail = $"{failure.Finding.File}:{failure.Finding.Line}:{failure.Finding.Column}: {failure.Finding.Message}" +
            (failure.SqlState is null ? "" : $" ({failure.SqlState})") + (step.Forward ? "" : " [rollback]");
        var ledger = context.Session.Ledger;
        try
        {
            await ledger.WriteAsync([ledger.RecordEvent(step.Migration.Version, LedgerEventKind.Failure, context.Provenance, detail)],
                cancellationToken);
        }
        catch (NpgsqlException)
        {
            // The audit row is a courtesy: the failure itself is already reported, and the database unchanged.
        }
    }

    /// <summary>The connection broke while <paramref name="step"/> ran or committed: what that means for the data.</summary>
    public void LostConnection(NpgsqlException error, MigrationStep step, bool duringCommit)
    {
        var session = context.Session;
        var file = step.File.DisplayPath;
        var explained = session.ExplainLostConnection(error, file)?.Message;
        var cause = error is PostgresException pg ? pg.MessageText : error.InnerException?.Message ?? error.Message;
        var message = explained ?? (duringCommit
            ? $"The connection to {session.Target} was lost while committing {file} ({cause}). Whether it committed is " +
              "unknown: run 'ci-migrate status' to see if it is recorded before running again."
            : $"The connection to {session.Target} was lost while running {file} ({cause}). PostgreSQL rolls back the open " +
              "transaction of a lost connection: that migration is not applied and not recorded" +
              (step.InSegments ? ", but its segments that had committed stay, recorded, and the next run resumes after them" : "") +
              ". Run the command again.");
        context.Log.Add(new RunFailed(message, file));
    }

    /// <summary>The steps after a failure, which did not run (or were rolled back with it).</summary>
    public void Skip(IEnumerable<MigrationStep> rest, string reason = "not run: an earlier migration failed")
    {
        foreach (var step in rest)
            context.Log.Add(new MigrationSkipped(step.Migration.Version, step.Migration.Name, reason));
    }
}
