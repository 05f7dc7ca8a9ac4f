using Npgsql;

namespace CiMigrate.Planning;

/// <summary>One scratch database from an <see cref="IShadowDatabase"/>; disposing it drops the database.</summary>
public sealed class ShadowDatabase : IAsyncDisposable
{
    readonly Func<ValueTask> _drop;
    int _dropped;

    internal ShadowDatabase(string name, string connectionString, NpgsqlDataSource dataSource, Func<ValueTask> drop)
    {
        Name = name;
        ConnectionString = connectionString;
        DataSource = dataSource;
        _drop = drop;
    }

    public string Name { get; }

    /// <summary>Connects as the shadow's user; may hold a password, so never print it.</summary>
    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _dropped, 1) == 0)
            await _drop();
    }
}
