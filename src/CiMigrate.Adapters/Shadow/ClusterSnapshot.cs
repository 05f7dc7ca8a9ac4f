namespace CiMigrate.Shadow;

/// <summary>A copy of a running <see cref="ThrowawayCluster"/>'s data directory, to start other clusters from.</summary>
static class ClusterSnapshot
{
    /// <summary>
    /// Copies the cluster's data directory as it is now to <paramref name="destination"/> (which must not exist), for
    /// <see cref="ThrowawayClusterOptions.CopyDataFrom"/>. Nothing may write meanwhile. A CHECKPOINT first writes every
    /// change to the data files; a server started on the copy then finds it as after a crash and replays the little WAL
    /// written since, as PostgreSQL always does.
    /// </summary>
    public static async Task SnapshotAsync(ThrowawayCluster cluster, string destination, CancellationToken cancellationToken = default)
    {
        await using (var checkpoint = cluster.DataSource().CreateCommand("CHECKPOINT"))
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        await using var wal = cluster.DataSource().CreateCommand(
            "SELECT redo_wal_file, pg_walfile_name(pg_current_wal_insert_lsn()) FROM pg_control_checkpoint()");
        await using var reader = await wal.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (firstSegment, lastSegment) = (reader.GetString(0), reader.GetString(1));

        await DataDirectoryCopy.CopyAsync(cluster.DataDirectory, destination, cancellationToken);
        // The lock file names our running server: a server started on the copy would take it for a rival and refuse.
        File.Delete(Path.Combine(destination, "postmaster.pid"));
        DataDirectoryCopy.KeepWalSegments(destination, firstSegment, lastSegment);
        await DataDirectoryCopy.MakeReadableAsync(destination, cancellationToken);
    }
}
