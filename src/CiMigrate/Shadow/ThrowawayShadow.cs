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

    public async Task<ShadowDatabase> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = ScratchDatabaseName.New("shadow");
        await Cluster.CreateDatabaseAsync(name, ThrowawayCluster.SupabaseTemplate, cancellationToken);
        return new ShadowDatabase(name, Cluster.ConnectionString(name), Cluster.DataSource(name),
            async () => await Cluster.DropDatabaseAsync(name));
    }

    /// <summary>Stops the cluster, which takes every database with it.</summary>
    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
