using System.Runtime.InteropServices;

namespace CiMigrate.Shadow;

/// <summary>
/// Stops every throwaway cluster still running when the process ends or is interrupted (Ctrl-C, SIGTERM), so that
/// no server outlives ci-migrate. A killed process (SIGKILL) cannot clean up: its <see cref="Watchdog"/> does, and
/// failing that <see cref="OrphanedClusters"/> at the next start.
/// </summary>
static class RunningClusters
{
    static readonly Lock Gate = new();
    static readonly HashSet<ThrowawayCluster> Clusters = [];
    static readonly List<PosixSignalRegistration> Registrations = [];

    public static void Add(ThrowawayCluster cluster)
    {
        lock (Gate)
        {
            if (Registrations.Count == 0)
                Register();
            Clusters.Add(cluster);
        }
    }

    public static void Remove(ThrowawayCluster cluster)
    {
        lock (Gate)
            Clusters.Remove(cluster);
    }

    static void Register()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
        // The handlers leave the signal's default action (ending the process, or the CLI's own cancellation) alone.
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT })
            Registrations.Add(PosixSignalRegistration.Create(signal, _ => StopAll()));
    }

    static void StopAll()
    {
        ThrowawayCluster[] clusters;
        lock (Gate)
            clusters = [.. Clusters];
        foreach (var cluster in clusters)
            cluster.StopNow();
    }
}
