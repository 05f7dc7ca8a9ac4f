using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.Hosting;
using CiMigrate.History;
using CiMigrate.Migrations;
using Npgsql;

namespace CiMigrate.Planning;

/// <summary>
/// Applies migrations to the shadow database for the replay through the real executor, so diff runs them exactly
/// as apply would: the same search_path and timeouts, the same preflight errors, files marked
/// <c>-- ci-migrate:no-transaction</c> statement by statement. The executor keeps its <c>ci_migrate</c> ledger on
/// the shadow; the catalog snapshots leave that schema out.
/// </summary>
public sealed class ShadowMigrationRunner : IAsyncDisposable
{
    // No NOTIFY and no grants: nobody listens on a shadow, and granting would add changes the migrations did not make.
    // No lock retries: nothing else runs on the shadow, so a lock timeout there is the migration's own.
    static readonly EnvironmentSettings ShadowEnvironment = new()
    {
        Name = "shadow",
        NotifyPostgrest = false,
        AutoGrant = false,
        LockRetries = 0,
    };

    static readonly RunProvenance Provenance = new(ShadowEnvironment.Name, null, null, null, null);

    readonly MigrationSession _session;

    ShadowMigrationRunner(MigrationSession session) => _session = session;

    /// <summary>
    /// A session on the shadow database for <paramref name="app"/>, holding its lock and a current ledger, with the
    /// app's schema created as apply creates it for a new app: here before the first snapshot, so the schema itself
    /// is not reported as a change of the pending migrations.
    /// </summary>
    public static async Task<ShadowMigrationRunner> OpenAsync(string connectionString, AppSettings app, CancellationToken cancellationToken)
    {
        var session = await MigrationSession.OpenAsync(new ConnectionStringTarget(connectionString), app, ShadowEnvironment,
            SessionMode.Write, new ExecutionLog(), cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {Identifiers.Quote(app.Schema)}", session.Connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new ShadowMigrationRunner(session);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Applies <paramref name="migrations"/> in order, each in its own transaction as apply does (the app's schema is
    /// created first when missing). Throws naming file:line:col and PostgreSQL's message when one fails.
    /// </summary>
    public async Task ApplyAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        if (migrations.Count == 0)
            return;
        var outcome = await new MigrationExecutor(_session, new ExecutionLog())
            .ApplyAsync(migrations, new ApplyOptions { Provenance = Provenance }, cancellationToken);
        if (outcome.Failure is { } failure)
        {
            var hint = failure.Hint is { Length: > 0 } h ? $" Hint: {h}" : "";
            throw new ExecutionException(
                $"{failure.File}:{failure.Line}:{failure.Column}: the migration fails on the shadow database, so it would fail on the " +
                $"target too: {failure.Message}{hint}");
        }

        if (outcome.Events.OfType<RunFailed>().FirstOrDefault() is { } run)
            throw new ExecutionException($"The replay on the shadow database failed: {run.Message}");
    }

    /// <summary>Runs the down files of <paramref name="migrations"/> (newest first), as rollback does; throws as <see cref="ApplyAsync"/>.</summary>
    public async Task RollBackAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        var outcome = await new MigrationExecutor(_session, new ExecutionLog())
            .RollbackAsync(migrations, Provenance, retryDelay: null, cancellationToken);
        if (outcome.Failure is { } failure)
            throw new ExecutionException($"{failure.File}:{failure.Line}:{failure.Column}: the down file fails on the shadow database: {failure.Message}");
        if (outcome.Events.OfType<RunFailed>().FirstOrDefault() is { } run)
            throw new ExecutionException($"Rolling back on the shadow database failed: {run.Message}");
    }

    public ValueTask DisposeAsync() => _session.DisposeAsync();
}
