namespace CiMigrate.Shadow;

/// <summary>How <see cref="ThrowawayCluster.StartAsync"/> sets up its cluster. The defaults suit diff and the tests.</summary>
public sealed class ThrowawayClusterOptions
{
    /// <summary>The server binaries; found with <see cref="PostgresBinaries.Find(IReadOnlyDictionary{string, string?})"/> when null.</summary>
    public PostgresBinaries? Binaries { get; init; }

    /// <summary>
    /// Where the cluster's folder is made. Default: the temp folder, or <c>/tmp</c> when root, because the
    /// <c>postgres</c> user must be able to enter it (root's TMPDIR may be under /root).
    /// </summary>
    public string? ParentDirectory { get; init; }

    /// <summary>
    /// Also listen on 127.0.0.1 at a free port (<see cref="ThrowawayCluster.TcpPort"/>), for programs that cannot use a
    /// unix socket. Connection strings use the socket either way.
    /// </summary>
    public bool ListenOnTcp { get; init; }

    /// <summary>Create the <see cref="ThrowawayCluster.SupabaseTemplate"/> database with <see cref="SupabaseBaseline"/> applied.</summary>
    public bool CreateSupabaseTemplate { get; init; } = true;

    /// <summary>
    /// Offer the <see cref="Extensions.StandIns"/> for extensions this installation lacks (see
    /// <see cref="Extensions.ExtensionInstallation"/>).
    /// </summary>
    public bool ExtensionStandIns { get; init; } = true;

    /// <summary>
    /// A data directory made by <see cref="ClusterSnapshot.SnapshotAsync"/> to start from instead of running initdb: the
    /// cluster then holds whatever the snapshot held (its Supabase template included), and no template is created.
    /// </summary>
    public string? CopyDataFrom { get; init; }

    /// <summary>Extra server settings written to postgresql.conf (name to value), after ours.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
