using Npgsql;

namespace CiMigrate.Planning;

/// <summary>One scratch database from an <see cref="IShadowDatabase"/>; disposing it drops the database.</summary>
public sealed class ShadowDatabase : IAsyncDisposable
{
    readonly Func<ValueTask> _drop;
    readonly Func<Task>? _keepHistory;
    int _dropped;

    internal ShadowDatabase(string name, string connectionString, NpgsqlDataSource dataSource, Func<ValueTask> drop,
        bool holdsHistory = false, Func<Task>? keepHistory = null)
    {
        Name = name;
        ConnectionString = connectionString;
        DataSource = dataSource;
        _drop = drop;
        HoldsHistory = holdsHistory;
        _keepHistory = keepHistory;
    }

    public string Name { get; }

    /// <summary>Connects as the shadow's user; may hold a password, so never print it.</summary>
    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>
    /// The applied migrations asked for in <see cref="IShadowDatabase.CreateDatabaseAsync(Configuration.AppSettings, IReadOnlyList{Migrations.Migration}, CancellationToken)"/>
    /// are already replayed here (restored from a cache): replay only the pending ones.
    /// </summary>
    public bool HoldsHistory { get; }

    /// <summary>
    /// Call once the applied migrations are replayed, before anything else runs: a shadow with a cache stores the state
    /// for the next run with the same history. Does nothing otherwise.
    /// </summary>
    public Task KeepHistoryAsync() => _keepHistory?.Invoke() ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _dropped, 1) == 0)
            await _drop();
    }
}
