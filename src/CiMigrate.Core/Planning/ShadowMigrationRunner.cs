using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.History;
using CiMigrate.Migrations;
using CiMigrate.Sql;
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
    // No lock retries: nothing else runs on the shadow, so a lock timeout there is the migration's own.
    static readonly EnvironmentSettings ShadowEnvironment = new()
    {
        Name = "shadow",
        LockRetries = 0,
        // The shadow's own Supabase history is no part of the plan.
        MirrorSupabaseHistory = false,
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
        // No schema guard and no SET ROLE on the shadow: the plan reports a change outside the app's schema as an
        // isolation hazard, which apply's guard then refuses on the target; the app's role does not exist here.
        var session = await MigrationSession.OpenAsync(new ConnectionStringTarget(connectionString), app with { SchemaGuard = false, Role = null },
            ShadowEnvironment,
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
    /// created first when missing); the outcome says where one failed.
    /// </summary>
    /// <param name="migrations">The migrations, in order.</param>
    /// <param name="alreadyApplied">
    /// Whether the target applied them already (or a baseline adopted them): then a file with <c>CONCURRENTLY</c> and no
    /// marker replays statement by statement, noted, instead of being refused.
    /// </param>
    /// <param name="cancellationToken">Cancels the replay.</param>
    /// <param name="onEvent">Sees each event as it happens (progress); null for none.</param>
    public async Task<ExecutionOutcome> ApplyAsync(IReadOnlyList<Migration> migrations, bool alreadyApplied,
        CancellationToken cancellationToken, Action<ExecutionEvent>? onEvent = null) =>
        migrations.Count == 0
            ? new ExecutionOutcome([])
            : await new MigrationExecutor(_session, onEvent is null ? new ExecutionLog() : new ExecutionLog(onEvent))
                .ApplyAsync(migrations, Options(alreadyApplied), cancellationToken);

    /// <summary>
    /// What the replay of <paramref name="pending"/> would refuse before running anything, read from the files alone
    /// (transaction control, allowances, global DDL, statements reaching the server): the plan says it without starting
    /// a shadow. Empty when they may replay.
    /// </summary>
    public static IReadOnlyList<RunRefused> Refusals(IReadOnlyList<Migration> pending) =>
        MigrationPreflight.Check(pending.Select(m => m.Up), oneTransaction: null, Options(alreadyApplied: false).Checks);

    static ApplyOptions Options(bool alreadyApplied) => new() { Provenance = Provenance, AlreadyApplied = alreadyApplied, OnShadow = true };

    /// <summary>
    /// From now on, records which statement makes each catalog change (<see cref="StatementRecorder"/>); null when the
    /// shadow's role may not.
    /// </summary>
    public Task<StatementRecorder?> RecordStatementsAsync(CancellationToken cancellationToken) =>
        StatementRecorder.StartAsync(_session, cancellationToken);

    /// <summary>Runs the down files of <paramref name="migrations"/> (newest first), as rollback does; the outcome says where one failed.</summary>
    public Task<ExecutionOutcome> RollBackAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken) =>
        new MigrationExecutor(_session, new ExecutionLog()).RollbackAsync(migrations, Provenance, cancellationToken);

    public ValueTask DisposeAsync() => _session.DisposeAsync();
}
