using CiMigrate.Planning;

namespace CiMigrate.Shadow;

/// <summary>The default shadow: a <see cref="ThrowawayCluster"/> of our own, each database a copy of its Supabase template.</summary>
public sealed class ThrowawayShadow : IShadowDatabase
{
    ThrowawayShadow(ThrowawayCluster cluster) => Cluster = cluster;

    public ThrowawayCluster Cluster { get; }

    /// <summary>Starts the cluster (with the Supabase template); see <see cref="ThrowawayCluster.StartAsync"/>.</summary>
    public static async Task<ThrowawayShadow> StartAsync(PostgresBinaries? binaries = null, CancellationToken cancellationToken = default)
    {
        var options = new ThrowawayClusterOptions { Binaries = binaries, CreateSupabaseTemplate = true };
        return new ThrowawayShadow(await ThrowawayCluster.StartAsync(options, cancellationToken));
    }

    public Task<ShadowDatabase> CreateDatabaseAsync(CancellationToken cancellationToken = default) =>
        CreateScratchDatabaseAsync(Cluster, cancellationToken);

    /// <summary>A uniquely named copy of the cluster's Supabase template.</summary>
    internal static async Task<ShadowDatabase> CreateScratchDatabaseAsync(ThrowawayCluster cluster, CancellationToken cancellationToken)
    {
        var name = ScratchDatabaseName.New("shadow");
        await cluster.CreateDatabaseAsync(name, ThrowawayCluster.SupabaseTemplate, cancellationToken);
        return Database(cluster, name);
    }

    /// <summary>A database of the cluster as a <see cref="ShadowDatabase"/>, dropped when disposed.</summary>
    internal static ShadowDatabase Database(ThrowawayCluster cluster, string name, bool holdsHistory = false, Func<Task>? keepHistory = null) =>
        new(name, cluster.ConnectionString(name), cluster.DataSource(name), async () => await cluster.DropDatabaseAsync(name),
            holdsHistory, keepHistory);

    /// <summary>Stops the cluster, which takes every database with it.</summary>
    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
