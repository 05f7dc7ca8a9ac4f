using CiMigrate.Shadow;

namespace CiMigrate.Tests.Fixtures;

/// <summary>
/// A throwaway PostgreSQL started on first use and shared by the tests until <see cref="StopAsync"/>; each test takes
/// its own database, a copy of the Supabase template.
/// </summary>
sealed class ClusterOnDemand(ThrowawayClusterOptions options)
{
    readonly SemaphoreSlim _gate = new(1, 1);
    ThrowawayCluster? _cluster;

    public async Task<ThrowawayCluster> GetClusterAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _cluster ??= await ThrowawayCluster.StartAsync(options);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A fresh database with the Supabase baseline, dropped when the test disposes it.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync()
    {
        var cluster = await GetClusterAsync();
        var name = $"test_{Guid.NewGuid():N}";
        await cluster.CreateDatabaseAsync(name, ThrowawayCluster.SupabaseTemplate);
        return new TestDatabase(cluster, name);
    }

    public async Task StopAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_cluster is not null)
                await _cluster.DisposeAsync();
            _cluster = null;
        }
        finally
        {
            _gate.Release();
        }
    }
}
