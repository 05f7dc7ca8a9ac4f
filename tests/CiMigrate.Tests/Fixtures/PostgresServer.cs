using CiMigrate.Shadow;

namespace CiMigrate.Tests.Fixtures;

/// <summary>
/// The one throwaway PostgreSQL of a test run, started on first use and stopped by <see cref="PostgresServerSetUp"/>.
/// Each test takes its own database, a copy of the Supabase template.
/// </summary>
static class PostgresServer
{
    static readonly SemaphoreSlim Gate = new(1, 1);
    static ThrowawayCluster? _cluster;

    /// <summary>The shared cluster (listening on 127.0.0.1 too, see <see cref="ThrowawayCluster.TcpPort"/>).</summary>
    public static async Task<ThrowawayCluster> GetClusterAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _cluster ??= await ThrowawayCluster.StartAsync(new ThrowawayClusterOptions { ListenOnTcp = true });
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A fresh database with the Supabase baseline, dropped when the test disposes it.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var cluster = await GetClusterAsync();
        var name = $"test_{Guid.NewGuid():N}";
        await cluster.CreateDatabaseAsync(name, ThrowawayCluster.SupabaseTemplate);
        return new TestDatabase(cluster, name);
    }

    internal static async Task StopAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_cluster is not null)
                await _cluster.DisposeAsync();
            _cluster = null;
        }
        finally
        {
            Gate.Release();
        }
    }
}
