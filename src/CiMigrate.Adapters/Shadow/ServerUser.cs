using System.Runtime.InteropServices;
using CiMigrate.Hosting;

namespace CiMigrate.Shadow;

/// <summary>
/// Who runs the throwaway server. initdb and postgres refuse to run as root (a superuser process could be taken
/// over through the server), and CI runs as root: then every server program runs as the <c>postgres</c> user
/// through <c>runuser</c>, and the cluster folder is handed to that user.
/// </summary>
static class ServerUser
{
    const string PostgresUser = "postgres";

    public static bool IsRoot => CurrentUser.IsRoot;

    /// <summary>The command line that runs <paramref name="program"/> as the server user.</summary>
    public static (string FileName, IReadOnlyList<string> Arguments) Wrap(string program, IReadOnlyList<string> arguments)
    {
        if (!IsRoot)
            return (program, arguments);

        EnsurePostgresUserExists();
        return ("runuser", ["-u", PostgresUser, "--", program, .. arguments]);
    }

    /// <summary>
    /// Gives the folder and everything in it to the server user, so that initdb (run as that user) can write in it, and
    /// so that the server owns a data directory root copied in.
    /// </summary>
    public static async Task HandOverAsync(string directory, CancellationToken cancellationToken)
    {
        if (!IsRoot)
            return;

        EnsurePostgresUserExists();
        var result = await ProcessRunner.RunAsync("chown", ["-R", $"{PostgresUser}:", directory], directory, cancellationToken);
        if (result.ExitCode != 0)
            throw new ExecutionException($"Could not give {directory} to the {PostgresUser} user: {result.Output.Trim()}");
    }

    static void EnsurePostgresUserExists()
    {
        if (getpwnam(PostgresUser) == IntPtr.Zero)
            throw new UsageException(
                "The throwaway PostgreSQL cannot run as root and there is no 'postgres' user to run it as. " +
                "Install the server package (apt-get install postgresql-15 creates the user), create the user " +
                "(useradd --system postgres), or run ci-migrate as a non-root user.");
    }

    [DllImport("libc", SetLastError = true)]
    static extern IntPtr getpwnam([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
