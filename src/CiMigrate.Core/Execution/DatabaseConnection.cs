using Npgsql;

namespace CiMigrate.Execution;

/// <summary>
/// An open way in to a database: a Npgsql connection string that works while this object lives. Disposing it
/// ends the way in (a port-forward stops listening and closes its tunnels).
/// </summary>
public sealed class DatabaseConnection(
    string connectionString,
    Func<ValueTask>? close = null,
    Func<string?>? lostReason = null) : IAsyncDisposable
{
    int _disposed;

    /// <summary>The Npgsql connection string (it holds the password: never print it).</summary>
    public string ConnectionString { get; } = connectionString;

    /// <summary>
    /// When the way in broke (a port-forward tunnel closed under an open connection), an error that says so and
    /// what happened to the work in flight; null when <paramref name="error"/> has another cause.
    /// </summary>
    /// <param name="error">What Npgsql threw.</param>
    /// <param name="during">What was going on, for the message: <c>20250208000004_add_categories.sql</c>.</param>
    public ExecutionException? ExplainFailure(Exception error, string during) =>
        // A PostgresException is the server speaking: the connection worked, so the way in is not the cause.
        error is not PostgresException && lostReason?.Invoke() is { } reason
            ? new ExecutionException(
                $"{char.ToUpperInvariant(reason[0])}{reason[1..]} during {during}. PostgreSQL rolls back the open transaction of a lost connection; " +
                "nothing was re-run. Run the command again once the connection works (ci-migrate doctor helps).",
                error)
            : null;

    /// <summary>
    /// The same way in, with <paramref name="alsoClose"/> run after it closes (a Kubernetes client that must outlive
    /// the port-forward).
    /// </summary>
    public DatabaseConnection Extend(Func<ValueTask> alsoClose) =>
        new(ConnectionString,
            async () =>
            {
                try
                {
                    await DisposeAsync();
                }
                finally
                {
                    await alsoClose();
                }
            },
            lostReason);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && close is not null)
            await close();
    }
}
