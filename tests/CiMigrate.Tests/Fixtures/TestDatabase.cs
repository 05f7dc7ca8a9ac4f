using CiMigrate.Shadow;
using Npgsql;

namespace CiMigrate.Tests.Fixtures;

/// <summary>A test's own database on the shared cluster; dropped on dispose.</summary>
sealed class TestDatabase(ThrowawayCluster cluster, string name) : IAsyncDisposable
{
    public string Name { get; } = name;

    public string ConnectionString => cluster.ConnectionString(Name);

    public NpgsqlDataSource DataSource => cluster.DataSource(Name);

    /// <summary>Runs SQL (several statements allowed) and returns the first column of the last statement's first row.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        object? last = null;
        do
        {
            if (reader.FieldCount > 0 && await reader.ReadAsync())
                last = reader.GetValue(0);
        }
        while (await reader.NextResultAsync());
        return last;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await cluster.DropDatabaseAsync(Name);
}
