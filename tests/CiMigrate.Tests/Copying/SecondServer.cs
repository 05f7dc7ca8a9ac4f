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
    static readonly ClusterOnDemand Server = new(new ThrowawayClusterOptions());

    public static Task<TestDatabase> CreateDatabaseAsync() => Server.CreateDatabaseAsync();

    internal static Task StopAsync() => Server.StopAsync();
}
