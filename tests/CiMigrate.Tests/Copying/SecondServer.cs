using CiMigrate.Shadow;
using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.Copying;

/// <summary>
/// A second throwaway PostgreSQL for the copy tests: copy-schema moves rows between two servers, and two databases of
/// one server would hide what only two servers show (separate type OIDs, two connections, two snapshots).
/// Started on first use, stopped by <see cref="SecondServerSetUp"/>.
/// </summary>
static class SecondServer
{
    static readonly SemaphoreSlim Gate = new(1, 1);
    static ThrowawayCluster? _cluster;

    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _cluster ??= await ThrowawayCluster.StartAsync();
        }
        finally
        {
            Gate.Release();
        }

        var name = $"test_{Guid.NewGuid():N}";
        await _cluster.CreateDatabaseAsync(name, ThrowawayCluster.SupabaseTemplate);
        return new TestDatabase(_cluster, name);
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
