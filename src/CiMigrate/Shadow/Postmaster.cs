using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CiMigrate.Shadow;

/// <summary>
/// Stops a cluster's server by signalling its postmaster directly: SIGQUIT is PostgreSQL's immediate shutdown, the
/// same thing <c>pg_ctl stop -m immediate</c> sends, without starting a process (which matters in signal handlers,
/// where every millisecond counts). See https://www.postgresql.org/docs/15/server-shutdown.html.
/// </summary>
static class Postmaster
{
    const int SigQuit = 3;

    /// <summary>The running postmaster of <paramref name="dataDirectory"/>, from its postmaster.pid, if any.</summary>
    public static Process? Find(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        try
        {
            var firstLine = File.ReadLines(pidFile).FirstOrDefault();
            if (!int.TryParse(firstLine, out var pid))
                return null;
            var process = Process.GetProcessById(pid);
            // A stale pid file can name a pid that now belongs to someone else.
            if (process.ProcessName == "postgres")
                return process;
            process.Dispose();
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// Asks for an immediate shutdown and waits until the postmaster has removed its postmaster.pid, as
    /// <c>pg_ctl stop -w</c> does (Process.WaitForExit polls slowly for a process that is not our child).
    /// </summary>
    public static void StopImmediately(Process postmaster, string dataDirectory, TimeSpan timeout)
    {
        if (kill(postmaster.Id, SigQuit) != 0)
            return;

        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        var clock = Stopwatch.StartNew();
        while (File.Exists(pidFile) && kill(postmaster.Id, 0) == 0)
        {
            if (clock.Elapsed > timeout)
            {
                postmaster.Kill();
                return;
            }

            Thread.Sleep(10);
        }
    }

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);
}
