using System.Diagnostics;
using System.Globalization;

namespace CiMigrate.Shadow;

/// <summary>
/// A detached shell that outlives us: once our process is gone (crashed, killed, or ended while a signal handler was
/// still cleaning up), it stops the cluster's server and deletes the folder. It ends by itself once the folder is
/// gone, which is how a normal dispose dismisses it. Detached means started in the background of a shell that exits
/// at once, so it is nobody's child: killing our process tree leaves it alone, and a background job of a
/// non-interactive shell ignores Ctrl-C; the trap covers the hang-up of a closing terminal.
/// </summary>
static class Watchdog
{
    const string Script =
        """
        trap '' INT TERM HUP
        while kill -0 "$1" 2>/dev/null && [ -d "$2" ]; do sleep 1; done
        [ -d "$2" ] || exit 0
        pid=$(head -n 1 "$2/data/postmaster.pid" 2>/dev/null)
        if [ -n "$pid" ] && [ "$(cat /proc/$pid/comm 2>/dev/null)" = postgres ]; then
            kill -QUIT "$pid"
            i=0
            while kill -0 "$pid" 2>/dev/null && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
        fi
        rm -rf "$2"
        """;

    /// <summary>Watches <paramref name="folder"/> on behalf of process <paramref name="ownerPid"/>.</summary>
    public static async Task StartAsync(int ownerPid, string folder, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = "/",
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The script travels in the environment so that it needs no quoting inside the launcher's command line.
        info.Environment["CI_MIGRATE_WATCHDOG"] = Script;
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("""/bin/sh -c "$CI_MIGRATE_WATCHDOG" ci-migrate-watchdog "$1" "$2" </dev/null >/dev/null 2>&1 &""");
        info.ArgumentList.Add("ci-migrate-watchdog-launcher");
        info.ArgumentList.Add(ownerPid.ToString(CultureInfo.InvariantCulture));
        info.ArgumentList.Add(folder);

        using var launcher = Process.Start(info)!;
        launcher.StandardInput.Close();
        await launcher.WaitForExitAsync(cancellationToken);
    }
}
