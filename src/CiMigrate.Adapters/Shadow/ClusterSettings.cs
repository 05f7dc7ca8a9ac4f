using System.Text;

namespace CiMigrate.Shadow;

/// <summary>The server settings of a <see cref="ThrowawayCluster"/>: speed over durability, nothing it does not need.</summary>
static class ClusterSettings
{
    /// <summary>Lines for postgresql.conf: ours, then <see cref="ThrowawayClusterOptions.Settings"/>.</summary>
    public static string Text(ThrowawayClusterOptions options, string folder, int? tcpPort, int socketPort)
    {
        var settings = new List<(string Name, string Value)>
        {
            ("listen_addresses", tcpPort is null ? "" : "127.0.0.1"),
            ("port", (tcpPort ?? socketPort).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("unix_socket_directories", folder),
            ("fsync", "off"),
            ("synchronous_commit", "off"),
            ("full_page_writes", "off"),
            // Tests run in parallel, each with its own database and pool.
            ("max_connections", "300"),
            // Less background work on small CI machines; nothing here lives long enough to need vacuuming.
            ("autovacuum", "off"),
            ("jit", "off"),
            // Less WAL: nothing replicates from here, and a snapshot (ClusterSnapshot) copies what pg_wal keeps.
            ("wal_level", "minimal"),
            ("max_wal_senders", "0"),
            ("min_wal_size", "2MB"),
        };
        settings.AddRange(options.Settings.Select(pair => (pair.Key, pair.Value)));

        var text = new StringBuilder("\n# ci-migrate throwaway cluster (later lines win)\n");
        foreach (var (name, value) in settings)
            text.Append(name).Append(" = '").Append(value.Replace("'", "''", StringComparison.Ordinal)).Append("'\n");
        return text.ToString();
    }
}
