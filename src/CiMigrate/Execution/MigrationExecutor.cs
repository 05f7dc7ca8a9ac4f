using System.Diagnostics;
using System.Globalization;
using CiMigrate.Execution.Events;
using CiMigrate.Hosting;
using CiMigrate.History;
using CiMigrate.Migrations;
using CiMigrate.Sql;
using Npgsql;

namespace CiMigrate.Execution;

/// <summary>
/// Runs migrations on a <see cref="MigrationSession"/>: each in its own transaction together with its ledger row,
/// sent as one batch (one round trip; the transaction's BEGIN rides along with it), or all in one transaction for
/// <c>--atomic</c> and <c>--dry-run</c>; files marked <c>-- ci-migrate:no-transaction</c> statement by statement.
/// Emits events and returns an outcome; never formats output.
/// </summary>
public sealed class MigrationExecutor(MigrationSession session, ExecutionLog log)
{
    // The commands before a migration's own statements; a failure index below this is ours, not the file's.
    const int PreambleCommands = 2;

    NpgsqlConnection Connection => session.Connection;

    /// <summary>Applies <paramref name="pending"/> in order; stops at the first failure, leaving the rest pending.</summary>
    public async Task<ExecutionOutcome> ApplyAsync(IReadOnlyList<Migration> pending, ApplyOptions options,
        CancellationToken cancellationToken)
    {
        // Nothing to run, nothing to check: a no-op run costs no round trip here.
        if (pending.Count == 0 && !options.DryRun)
            return new ExecutionOutcome(log.Events);
        var single = options.DryRun || options.Atomic;
        MigrationPreflight.Check(pending.Select(m => m.Up), single, options.DryRun ? "--dry-run" : "--atomic");
        var createSchema = await SchemaToCreateAsync(cancellationToken);
        if (createSchema is not null && !options.DryRun)
        {
            await ExecuteAsync(createSchema, cancellationToken);
            log.Add(new SchemaCreated(session.App.Schema));
        }

        var steps = pending
            .Select(m => new MigrationStep(m, m.Up, () => session.Ledger.RecordApplied(m, options.Provenance), Forward: true))
            .ToList();
        var delay = options.RetryDelay ?? LockRetryDelays.Default;
        var succeeded = single
            ? await RunInOneTransactionAsync(steps, commit: !options.DryRun, options.DryRun ? createSchema : null,
                options.Provenance, delay, record: !options.DryRun, cancellationToken)
            : await RunEachAsync(steps, options.Provenance, delay, cancellationToken);

        if (options.DryRun && succeeded)
            log.Add(new DryRunRolledBack(steps.Count));
        if (succeeded && !options.DryRun && steps.Count > 0)
            await AfterDdlAsync(cancellationToken);
        return new ExecutionOutcome(log.Events);
    }

    /// <summary>Runs the down files of <paramref name="migrations"/> (newest first), each removing its ledger row.</summary>
    public async Task<ExecutionOutcome> RollbackAsync(IReadOnlyList<Migration> migrations, RunProvenance provenance,
        Func<int, TimeSpan>? retryDelay, CancellationToken cancellationToken)
    {
        var missing = migrations.Where(m => m.Down is null).ToList();
        if (missing.Count > 0)
        {
            throw new UsageException(
                $"Cannot roll back: no down file for {string.Join(", ", missing.Select(m => m.Up.DisplayPath))}. " +
                "Nothing was run. Add down/<version>_<name>.sql, or roll back fewer steps.");
        }

        MigrationPreflight.Check(migrations.Select(m => m.Down!), singleTransaction: false);
        var steps = migrations
            .Select(m => new MigrationStep(m, m.Down!,
                () => session.Ledger.RecordRemoved(m.Version, LedgerEventKind.Rollback, provenance, $"{m.Down!.DisplayPath} {m.Down.Checksum}"),
                Forward: false))
            .ToList();
        if (await RunEachAsync(steps, provenance, retryDelay ?? LockRetryDelays.Default, cancellationToken) && steps.Count > 0)
            await AfterDdlAsync(cancellationToken);
        return new ExecutionOutcome(log.Events);
    }

    /// <summary>The statement that creates the app's schema when it is missing; null when it exists.</summary>
    async Task<string?> SchemaToCreateAsync(CancellationToken cancellationToken)
    {
        if (await session.SchemaExistsAsync(cancellationToken))
            return null;
        if (!session.Environment.CreateSchema)
        {
            throw new ExecutionException(
                $"The schema {session.App.Schema} of app '{session.App.Name}' does not exist in {session.Target}, and createSchema " +
                $"is off for environment '{session.Environment.Name}': create the schema, or set createSchema to true.");
        }

        return $"CREATE SCHEMA IF NOT EXISTS {Identifiers.Quote(session.App.Schema)}";
    }

    async Task<bool> RunEachAsync(List<MigrationStep> steps, RunProvenance provenance, Func<int, TimeSpan> delay,
        CancellationToken cancellationToken)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var ok = steps[i].File.Script.TransactionMode == TransactionMode.NoTransaction
                ? await RunStatementByStatementAsync(steps[i], provenance, delay, cancellationToken)
                : await RunInOneTransactionAsync([steps[i]], commit: true, createSchema: null, provenance, delay, record: true,
                    cancellationToken);
            if (!ok)
            {
                SkipRest(steps.Skip(i + 1));
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// One transaction for <paramref name="steps"/>, one batch per step. A lock timeout rolls the whole transaction
    /// back and tries it again, up to <c>lockRetries</c> times.
    /// </summary>
    async Task<bool> RunInOneTransactionAsync(List<MigrationStep> steps, bool commit, string? createSchema,
        RunProvenance provenance, Func<int, TimeSpan> delay, bool record, CancellationToken cancellationToken)
    {
        var maxAttempts = session.Environment.LockRetries + 1;
        for (var attempt = 1; ; attempt++)
        {
            MigrationStep? current = null;
            NpgsqlBatch? batch = null;
            var started = new List<(MigrationStep Step, TimeSpan Duration)>();
            try
            {
                await using var transaction = await Connection.BeginTransactionAsync(cancellationToken);
                foreach (var step in steps)
                {
                    current = step;
                    log.Add(new MigrationStarted(step.Migration.Version, step.Migration.Name, step.File.DisplayPath, InTransaction: true));
                    var clock = Stopwatch.StartNew();
                    batch = BuildBatch(step, transaction, step == steps[0] ? createSchema : null);
                    await batch.ExecuteNonQueryAsync(cancellationToken);
                    started.Add((step, clock.Elapsed));
                    await batch.DisposeAsync();
                    batch = null;
                }

                current = null;
                if (commit)
                {
                    try
                    {
                        await transaction.CommitAsync(cancellationToken);
                    }
                    catch (NpgsqlException ex) when (ex is not PostgresException || IsConnectionLost(ex))
                    {
                        LostConnection(ex, steps[^1], duringCommit: true);
                        return false;
                    }
                    catch (PostgresException ex)
                    {
                        // A deferred constraint checked at COMMIT: the transaction is gone, nothing was applied.
                        var last = steps[^1];
                        log.Add(new MigrationFailed(last.Migration.Version, last.Migration.Name, last.File.DisplayPath, 1, 1,
                            $"COMMIT failed: {ex.MessageText}", ex.Detail, ex.Hint, ex.SqlState, InTransaction: true, 0));
                        return false;
                    }
                }
                else
                {
                    await transaction.RollbackAsync(cancellationToken);
                }

                foreach (var (step, duration) in started)
                    log.Add(Done(step, duration));
                return true;
            }
            catch (PostgresException ex) when (!IsConnectionLost(ex) && current is not null)
            {
                var failed = current;
                var index = batch is null || ex.BatchCommand is null ? -1 : batch.BatchCommands.IndexOf(ex.BatchCommand);
                if (batch is not null)
                    await batch.DisposeAsync();
                if (ex.SqlState == PostgresErrorCodes.LockNotAvailable && attempt < maxAttempts)
                {
                    var wait = delay(attempt);
                    log.Add(new LockTimeoutRetry(failed.Migration.Version, failed.File.DisplayPath, attempt, maxAttempts, wait, ex.MessageText));
                    await Task.Delay(wait, cancellationToken);
                    continue;
                }

                var failure = Failure(failed, ex, index - PreambleCommands - (failed == steps[0] && createSchema is not null ? 1 : 0),
                    inTransaction: true, committed: 0, attempts: attempt);
                log.Add(failure);
                foreach (var (step, _) in started)
                    log.Add(new MigrationSkipped(step.Migration.Version, step.Migration.Name, "rolled back with the failing migration"));
                SkipRest(steps.SkipWhile(s => s != failed).Skip(1));
                if (record)
                    await RecordFailureAsync(failed, failure, provenance, cancellationToken);
                return false;
            }
            catch (NpgsqlException ex) when (current is not null)
            {
                LostConnection(ex, current, duringCommit: false);
                return false;
            }
        }
    }

    /// <summary>
    /// A file marked <c>-- ci-migrate:no-transaction</c>: each statement on its own, the ledger row after the last.
    /// A failure leaves the statements before it in place, and the file unrecorded.
    /// </summary>
    async Task<bool> RunStatementByStatementAsync(MigrationStep step, RunProvenance provenance, Func<int, TimeSpan> delay,
        CancellationToken cancellationToken)
    {
        log.Add(new MigrationStarted(step.Migration.Version, step.Migration.Name, step.File.DisplayPath, InTransaction: false));
        var clock = Stopwatch.StartNew();
        var statements = step.File.Script.StatementsToRun;
        var maxAttempts = session.Environment.LockRetries + 1;
        var done = 0;
        try
        {
            await using (var preamble = new NpgsqlBatch(Connection))
            {
                AddPreamble(preamble, local: false);
                await preamble.ExecuteNonQueryAsync(cancellationToken);
            }

            for (var attempt = 1; done < statements.Count;)
            {
                try
                {
                    await using var command = new NpgsqlCommand(statements[done].Text, Connection);
                    await command.ExecuteNonQueryAsync(cancellationToken);
                    done++;
                    attempt = 1;
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable && attempt < maxAttempts)
                {
                    var wait = delay(attempt);
                    log.Add(new LockTimeoutRetry(step.Migration.Version, step.File.DisplayPath, attempt, maxAttempts, wait, ex.MessageText));
                    await Task.Delay(wait, cancellationToken);
                    attempt++;
                }
            }

            await using (var reset = new NpgsqlCommand("RESET ROLE", Connection))
                await reset.ExecuteNonQueryAsync(cancellationToken);
            await session.Ledger.WriteAsync([step.Record()], cancellationToken);
        }
        catch (PostgresException ex) when (!IsConnectionLost(ex) && done < statements.Count)
        {
            var failure = Failure(step, ex, done, inTransaction: false, committed: done, attempts: maxAttempts);
            log.Add(failure);
            await RecordFailureAsync(step, failure, provenance, cancellationToken);
            return false;
        }
        catch (NpgsqlException ex)
        {
            LostConnection(ex, step, duringCommit: done == statements.Count);
            return false;
        }

        log.Add(Done(step, clock.Elapsed));
        return true;
    }

    NpgsqlBatch BuildBatch(MigrationStep step, NpgsqlTransaction transaction, string? createSchema)
    {
        var batch = new NpgsqlBatch(Connection, transaction);
        if (createSchema is not null)
            batch.BatchCommands.Add(new(createSchema));
        AddPreamble(batch, local: true);
        foreach (var statement in step.File.Script.StatementsToRun)
            batch.BatchCommands.Add(new(statement.Text));
        // A migration may SET ROLE; the ledger row is written as the role that logged in.
        batch.BatchCommands.Add(new("RESET ROLE"));
        batch.BatchCommands.Add(step.Record());
        return batch;
    }

    /// <summary>
    /// Session state is reset between migrations (a file's SET stays with the session otherwise), then the
    /// environment's timeouts and the app's search_path are set, locally to the transaction when there is one.
    /// </summary>
    void AddPreamble(NpgsqlBatch batch, bool local)
    {
        batch.BatchCommands.Add(new("RESET ALL"));
        var isLocal = local ? "true" : "false";
        var settings = new NpgsqlBatchCommand(
            $"SELECT set_config('lock_timeout', $1, {isLocal}), set_config('statement_timeout', $2, {isLocal}), " +
            $"set_config('search_path', $3, {isLocal}), set_config('ci_migrate.started', clock_timestamp()::text, {isLocal})" +
            // RESET ALL also reset the client check that MigrationSession set: set it again, for the session.
            (Connection.PostgreSqlVersion.Major >= 14 ? ", set_config('client_connection_check_interval', '2000', false)" : ""));
        settings.Parameters.Add(new() { Value = Milliseconds(session.Environment.LockTimeout) });
        settings.Parameters.Add(new() { Value = Milliseconds(session.Environment.StatementTimeout) });
        // The app's schema first: unqualified names are created there. public and extensions follow, as in
        // Supabase's own default, so extension functions (uuid_generate_v4, ...) resolve. A file's own SET wins.
        settings.Parameters.Add(new() { Value = $"{Identifiers.Quote(session.App.Schema)}, public, extensions" });
        batch.BatchCommands.Add(settings);
    }

    MigrationFailed Failure(MigrationStep step, PostgresException ex, int statementIndex, bool inTransaction, int committed,
        int attempts)
    {
        var statements = step.File.Script.StatementsToRun;
        var message = ex.MessageText;
        if (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
            message += $" (tried {attempts} time{(attempts == 1 ? "" : "s")}; lock_timeout is {Milliseconds(session.Environment.LockTimeout)} ms)";
        if (statementIndex >= 0 && statementIndex < statements.Count)
        {
            var statement = statements[statementIndex];
            var location = ex.Position > 0
                ? statement.LocationOfServerPosition(ex.Position)
                : new SqlLocation(statement.Line, statement.Column);
            return new MigrationFailed(step.Migration.Version, step.Migration.Name, step.File.DisplayPath, location.Line,
                location.Column, message, ex.Detail, ex.Hint, ex.SqlState, inTransaction, committed);
        }

        // Our own commands (settings, ledger row) failed, not a statement of the file.
        var what = statementIndex < 0 ? "preparing the session" : "recording the migration in the ledger";
        return new MigrationFailed(step.Migration.Version, step.Migration.Name, step.File.DisplayPath, 1, 1,
            $"{what} failed: {message}", ex.Detail, ex.Hint, ex.SqlState, inTransaction, committed);
    }

    async Task RecordFailureAsync(MigrationStep step, MigrationFailed failure, RunProvenance provenance,
        CancellationToken cancellationToken)
    {
        var detail = $"{failure.File}:{failure.Line}:{failure.Column}: {failure.Message}" +
            (failure.SqlState is null ? "" : $" ({failure.SqlState})") + (step.Forward ? "" : " [rollback]");
        try
        {
            await session.Ledger.WriteAsync([session.Ledger.RecordEvent(step.Migration.Version, LedgerEventKind.Failure, provenance, detail)],
                cancellationToken);
        }
        catch (NpgsqlException)
        {
            // The audit row is a courtesy: the failure itself is already reported, and the database unchanged.
        }
    }

    void LostConnection(NpgsqlException ex, MigrationStep step, bool duringCommit)
    {
        var file = step.File.DisplayPath;
        var explained = session.ExplainLostConnection(ex, file)?.Message;
        var cause = ex is PostgresException pg ? pg.MessageText : ex.InnerException?.Message ?? ex.Message;
        var message = explained ?? (duringCommit
            ? $"The connection to {session.Target} was lost while committing {file} ({cause}). Whether it committed is " +
              "unknown: run 'ci-migrate status' to see if it is recorded before running again."
            : $"The connection to {session.Target} was lost while running {file} ({cause}). PostgreSQL rolls back the open " +
              "transaction of a lost connection: that migration is not applied and not recorded" +
              (step.File.Script.TransactionMode == TransactionMode.NoTransaction ? ", but its statements that had completed stay" : "") +
              ". Run the command again.");
        log.Add(new RunFailed(message, file));
    }

    void SkipRest(IEnumerable<MigrationStep> rest, string reason = "not run: an earlier migration failed")
    {
        foreach (var step in rest)
            log.Add(new MigrationSkipped(step.Migration.Version, step.Migration.Name, reason));
    }

    static ExecutionEvent Done(MigrationStep step, TimeSpan duration) => step.Forward
        ? new MigrationApplied(step.Migration.Version, step.Migration.Name, step.File.DisplayPath, duration)
        : new MigrationRolledBack(step.Migration.Version, step.Migration.Name, step.File.DisplayPath, duration);

    /// <summary>After DDL: PostgREST reloads its schema cache, and the runbook's grants are checked.</summary>
    async Task AfterDdlAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (session.Environment.NotifyPostgrest)
            {
                await ExecuteAsync("NOTIFY pgrst, 'reload schema'", cancellationToken);
                log.Add(new PostgrestNotified());
            }

            if (await session.SchemaExistsAsync(cancellationToken))
            {
                var missing = await GrantCheck.FindMissingAsync(Connection, session.App.Schema, cancellationToken);
                if (missing.Count > 0 && session.Environment.AutoGrant)
                    await GrantCheck.GrantAsync(Connection, session.App.Schema, missing, cancellationToken);
                log.Add(new GrantsChecked(missing, Granted: missing.Count > 0 && session.Environment.AutoGrant));
            }
        }
        catch (NpgsqlException ex)
        {
            log.Add(new RunFailed(
                $"The migrations are applied and recorded, but the checks after them failed on {session.Target}: " +
                $"{(ex is PostgresException pg ? pg.MessageText : ex.Message)}.", null));
        }

        try
        {
            if (await session.AfterSchemaChangeAsync(cancellationToken) is { } done)
                log.Add(done);
        }
        catch (ExecutionException ex)
        {
            log.Add(new RunFailed($"The migrations are applied and recorded, but {Lowered(ex.Message)}", null));
        }
    }

    static string Lowered(string message) => message.Length == 0 ? message : char.ToLowerInvariant(message[0]) + message[1..];

    async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, Connection);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new ExecutionException(
                $"The role {Connection.UserName} may not run '{sql}' in {session.Target} ({ex.MessageText}): grant the " +
                "privilege, or create the schema as its owner first.", ex);
        }
    }

    static bool IsConnectionLost(NpgsqlException ex) =>
        ex is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow }
        || ex is not PostgresException;

    static string Milliseconds(TimeSpan value) => ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

}
