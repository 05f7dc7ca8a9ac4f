using System.Diagnostics;

namespace CiMigrate.Shadow;

/// <summary>
/// Cluster folders are named <c>ci-migrate-&lt;pid&gt;-&lt;random&gt;</c> after the process that made them. A folder whose
/// process is gone was left by a run killed together with its <see cref="Watchdog"/> (a CI job torn down, say): its
/// server is stopped and the folder deleted.
/// </summary>
static class OrphanedClusters
{
    public const string Prefix = "ci-migrate-";

    public static string NewFolderName() =>
        $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    public static void Reap(string parentDirectory)
    {
        if (!Directory.Exists(parentDirectory))
            return;

        foreach (var folder in Directory.EnumerateDirectories(parentDirectory, Prefix + "*"))
        {
            if (OwnerIsGone(Path.GetFileName(folder)))
                ThrowawayCluster.StopAndDelete(folder);
        }
    }

    static bool OwnerIsGone(string folderName)
    {
        var parts = folderName[Prefix.Length..].Split('-');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var pid))
            return false;

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
