namespace CiMigrate.Shadow;

/// <summary>
/// Where a cached cluster is made: in memory (<c>/dev/shm</c>) when there is room, else the default temp folder. A run
/// from the cache copies thousands of small files and the replay creates more; on a disk file system each creation
/// waits on the journal (about 0.4 ms apiece on a busy CI machine, 4 s for a 200-table history), in memory it does not.
/// </summary>
static class ClusterParentFolder
{
    const string SharedMemory = "/dev/shm";
    // What the pending migrations may add on top of the copy; a tmpfs counts against the machine's memory.
    const long Headroom = 1L << 30;

    /// <summary>The folder for a cluster that starts from <paramref name="snapshotBytes"/> of data (0 for initdb's).</summary>
    public static string? For(long snapshotBytes)
    {
        try
        {
            var drive = new DriveInfo(SharedMemory);
            return Directory.Exists(SharedMemory) && drive.DriveFormat == "tmpfs" && drive.AvailableFreeSpace > 2 * snapshotBytes + Headroom
                ? SharedMemory
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
