using CiMigrate.Configuration;
using CiMigrate.Execution.Events;
using CiMigrate.History;
using Npgsql;

namespace CiMigrate.Execution;

/// <summary>
/// One dedicated connection to a target for one app: named <c>ci-migrate/&lt;app&gt;/&lt;env&gt;</c> in
/// <c>pg_stat_activity</c>, holding the app's advisory lock and a current ledger when opened for
/// <see cref="SessionMode.Write"/>. Everything of a run goes through it, so the lock covers all of it.
/// </summary>
public sealed class MigrationSession : IAsyncDisposable
{
    readonly DatabaseConnection _way;
    readonly NpgsqlDataSource _dataSource;

    MigrationSession(DatabaseConnection way, NpgsqlDataSource dataSource, NpgsqlConnection connection, AppSettings app,
        EnvironmentSettings environment, string target)
    {
        _way = way;
        _dataSource = dataSource;
        Connection = connection;
        App = app;
        Environment = environment;
        Target = target;
        Ledger = new Ledger(connection, app.Name, app.Schema);
    }

    public NpgsqlConnection Connection { get; }
    public AppSettings App { get; }
    public EnvironmentSettings Environment { get; }

    /// <summary>The target without secrets, for messages: <c>postgres@db.example.com:5432/postgres</c>.</summary>
    public string Target { get; }

    public Ledger Ledger { get; }

    /// <summary>The ledger's version in the database: the latest once a write session opened, maybe older (0: none) in a dry run.</summary>
    public int LedgerVersion { get; private set; }

    /// <summary>What holds a write session's migrations to the app's schema; null for a read-only session.</summary>
    public SchemaGuard? Guard { get; private set; }

    /// <summary>Whether opening this session created the ledger (the database had none).</summary>
    public bool CreatedLedger { get; private set; }

    /// <summary>
    /// Whether each statement of a migration is preceded by its <see cref="StatementMarks"/> command: on the shadow
    /// while the plan records which statement changed what; never on a target.
    /// </summary>
    public bool MarksStatements { get; internal set; }

    /// <summary>The connection string of the way in, for tools that connect on their own (pg_dump); holds the password.</summary>
    internal string ConnectionString => _way.ConnectionString;

    /// <summary>One more connection through the same way in, with the same settings but no lock: for reading beside
    /// the session (a copy's proof in the copy's snapshot). The caller disposes it.</summary>
    internal async Task<NpgsqlConnection> OpenSiblingAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// Opens a session while <paramref name="alongside"/> (reading the migration files) runs, and goes on to the lock
    /// and the ledger only once it succeeded: connecting (a TLS handshake to a hosted database) no longer waits for
    /// 10,000 files to be hashed, and bad files still stop the run before the database is changed, with their error
    /// rather than the connection's.
    /// </summary>
    public static async Task<MigrationSession> OpenAlongsideAsync(Task alongside, IDatabaseTarget target, AppSettings app,
        EnvironmentSettings environment, SessionMode mode, ExecutionLog log, CancellationToken cancellationToken)
    {
        var opening = OpenAsync(target, app, environment, mode, log, cancellationToken, alongside);
        try
        {
            await alongside;
        }
        catch
        {
            await ((Task)opening).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (opening.IsCompletedSuccessfully)
                await opening.Result.DisposeAsync();
            throw;
        }

        return await opening;
    }

    public static async Task<MigrationSession> OpenAsync(IDatabaseTarget target, AppSettings app, EnvironmentSettings environment,
        SessionMode mode, ExecutionLog log, CancellationToken cancellationToken) =>
        await OpenAsync(target, app, environment, mode, log, cancellationToken, beforeLock: null);

    static async Task<MigrationSession> OpenAsync(IDatabaseTarget target, AppSettings app, EnvironmentSettings environment,
        SessionMode mode, ExecutionLog log, CancellationToken cancellationToken, Task? beforeLock)
    {
        var way = await target.OpenAsync(cancellationToken);
        NpgsqlDataSource? dataSource = null;
        NpgsqlConnection? connection = null;
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(way.ConnectionString)
            {
                ApplicationName = $"ci-migrate/{app.Name}/{environment.Name}",
                // PostgresException.BatchCommand then names the failing statement of a migration's batch.
                IncludeFailedBatchedCommand = true,
                // PostgreSQL's DETAIL says which row broke a constraint; Npgsql redacts it unless asked. What reaches the
                // output still goes through the secret masker, so a password in a DETAIL is hidden there.
                IncludeErrorDetail = true,
                // A pooled connection would keep its session, and with it the advisory lock, after we close it.
                Pooling = false,
                // The server's statement_timeout governs; the client waits a little longer so the server's error wins.
                CommandTimeout = (int)Math.Min(int.MaxValue, environment.StatementTimeout.TotalSeconds + 60),
            };
            var dataSourceBuilder = new NpgsqlDataSourceBuilder(builder.ConnectionString);
            // The session reads only built-in types (text, int, timestamptz); loading the server's type catalog
            // would cost a round trip and ~30 ms on every run, a tenth of a no-op apply.
            dataSourceBuilder.ConfigureTypeLoading(typeLoading => typeLoading.EnableTypeLoading(false));
            dataSource = dataSourceBuilder.Build();
            connection = dataSource.CreateConnection();
            try
            {
                await connection.OpenAsync(cancellationToken);
            }
            catch (NpgsqlException ex)
            {
                throw way.ExplainFailure(ex, "connecting") ?? ConnectionErrors.Explain(ex, target.Description);
            }

            if (SessionPreamble.ClientCheck(connection) is { } clientCheck)
            {
                await using var check = new NpgsqlCommand($"SELECT {clientCheck}", connection);
                await check.ExecuteNonQueryAsync(cancellationToken);
            }

            if (beforeLock is not null)
                await beforeLock;
            var session = new MigrationSession(way, dataSource, connection, app, environment, target.Description);
            if (mode != SessionMode.Read)
                await AppLock.AcquireAsync(connection, app.Name, environment.LockWait, log, cancellationToken);
            if (mode == SessionMode.Write)
            {
                var before = await LedgerSchema.EnsureAsync(connection, cancellationToken);
                session.CreatedLedger = before == 0;
                if (before != LedgerSchema.LatestVersion)
                    log.Add(new LedgerUpgraded(before, LedgerSchema.LatestVersion));
                if (app.SchemaGuard || app.Role is not null)
                    session.Guard = await SchemaGuard.EnsureAsync(connection, app.Schema, app.Role, app.SchemaGuard, log, cancellationToken);
            }

            session.LedgerVersion = mode == SessionMode.DryRun
                ? await LedgerSchema.VersionAsync(connection, cancellationToken)
                : LedgerSchema.LatestVersion;

            return session;
        }
        catch
        {
            if (connection is not null)
                await connection.DisposeAsync();
            if (dataSource is not null)
                await dataSource.DisposeAsync();
            await way.DisposeAsync();
            throw;
        }
    }

    /// <summary>This app's ledger rows compared with its local migrations.</summary>
    public async Task<HistoryComparison> CompareAsync(Migrations.MigrationSet migrations, CancellationToken cancellationToken) =>
        await HistoryComparison.CompareAsync(migrations, Ledger, cancellationToken);

    /// <summary>Whether the app's schema exists on the target.</summary>
    public async Task<bool> SchemaExistsAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", Connection);
        command.Parameters.Add(new() { Value = App.Schema });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>When the way in broke (a port-forward closed), the error that says so; else null.</summary>
    public ExecutionException? ExplainLostConnection(Exception error, string during) => _way.ExplainFailure(error, during);

    public async ValueTask DisposeAsync()
    {
        // Closing the session ends the advisory lock; no unlock call that could fail on a broken connection.
        await Connection.DisposeAsync();
        await _dataSource.DisposeAsync();
        await _way.DisposeAsync();
    }
}
