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

    /// <summary>
    /// Starts the server in the background and waits until postmaster.pid says it accepts connections: what
    /// <c>pg_ctl start -w</c> does, without the process pg_ctl starts first to check the binary's version and its
    /// 100 ms polling interval (a restored shadow started in 0.12-0.22 s through pg_ctl, in 0.06-0.09 s this way).
    /// </summary>
    /// <exception cref="ExecutionException">The server exited or was not ready within <paramref name="timeout"/>;
    /// the message carries the end of its log.</exception>
    public static async Task StartAsync(string postgres, string dataDirectory, string logFile, string workingDirectory,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        // As pg_ctl does: a shell starts the server in the background, its output appended to the log, and prints its pid.
        const string script = "\"$0\" -D \"$1\" >> \"$2\" 2>&1 < /dev/null & echo $!";
        var (fileName, arguments) = ServerUser.Wrap("/bin/sh", ["-c", script, postgres, dataDirectory, logFile]);
        var launched = await ProcessRunner.RunAsync(fileName, arguments, workingDirectory, cancellationToken);
        if (launched.ExitCode != 0 || !int.TryParse(launched.Output.Trim(), out var pid))
            throw new ExecutionException($"The throwaway PostgreSQL failed to start: {launched.Output.Trim()}\n{LogTail(logFile)}".TrimEnd());

        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        var clock = Stopwatch.StartNew();
        while (!IsReady(pidFile))
        {
            if (kill(pid, 0) != 0)
                throw new ExecutionException($"The throwaway PostgreSQL failed to start: the server exited.\n{LogTail(logFile)}".TrimEnd());
            if (clock.Elapsed > timeout)
            {
                kill(pid, SigQuit);
                throw new ExecutionException(
                    $"The throwaway PostgreSQL failed to start: not ready after {timeout.TotalSeconds:0} s.\n{LogTail(logFile)}".TrimEnd());
            }

            try
            {
                await Task.Delay(5, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Its pid file may not be written yet, where the cluster's stop looks for it.
                kill(pid, SigQuit);
                throw;
            }
        }
    }

    // Line 8 of postmaster.pid is the postmaster's status; "ready" once it accepts connections (PostgreSQL 10 and later).
    static bool IsReady(string pidFile)
    {
        try
        {
            return File.ReadLines(pidFile).Skip(7).FirstOrDefault()?.TrimEnd() == "ready";
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The last 20 lines of a server log, for an error message; empty when there is none.</summary>
    internal static string LogTail(string logFile)
    {
        try
        {
            return string.Join('\n', File.ReadLines(logFile).Where(line => line.Length > 0).TakeLast(20));
        }
        catch (IOException)
        {
            return "";
        }
    }

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);
}
