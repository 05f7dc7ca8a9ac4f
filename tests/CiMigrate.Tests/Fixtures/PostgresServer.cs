using CiMigrate.Shadow;

namespace CiMigrate.Tests.Fixtures;

/// <summary>
/// The one throwaway PostgreSQL of a test run, started on first use and stopped by <see cref="PostgresServerSetUp"/>.
/// Each test takes its own database, a copy of the Supabase template.
/// </summary>
static class PostgresServer
{
    static readonly ClusterOnDemand Server = new(new ThrowawayClusterOptions { ListenOnTcp = true });

    /// <summary>The shared cluster (listening on 127.0.0.1 too, see <see cref="ThrowawayCluster.TcpPort"/>).</summary>
    public static Task<ThrowawayCluster> GetClusterAsync() => Server.GetClusterAsync();

    /// <summary>A fresh database with the Supabase baseline, dropped when the test disposes it.</summary>
    public static Task<TestDatabase> CreateDatabaseAsync() => Server.CreateDatabaseAsync();

    internal static Task StopAsync() => Server.StopAsync();
}
