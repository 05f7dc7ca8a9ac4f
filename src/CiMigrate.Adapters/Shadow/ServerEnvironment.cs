using System.Diagnostics;

namespace CiMigrate.Shadow;

/// <summary>
/// The environment of every program the shadow starts (initdb, postgres, cp, chown): only what PostgreSQL needs to
/// find its programs and its locale. The tool's own environment holds the job's secrets (the target's URL,
/// <c>INPUT_DATABASE-URL</c>, <c>INPUT_GITHUB-TOKEN</c>, <c>PGPASSWORD</c>), and a pull request's migration runs on
/// the shadow first, where a superuser can read the server's environment (<c>COPY ... PROGRAM 'env'</c>,
/// <c>pg_read_file('/proc/self/environ')</c>).
/// </summary>
static class ServerEnvironment
{
    static readonly string[] Kept =
    [
        "PATH", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_COLLATE", "LC_MESSAGES", "LC_MONETARY", "LC_NUMERIC", "LC_TIME",
        "TZ", "TMPDIR",
    ];

    /// <summary>Replaces <paramref name="info"/>'s environment (a copy of ours by default) with the kept variables.</summary>
    public static void Scrub(ProcessStartInfo info)
    {
        info.Environment.Clear();
        foreach (var name in Kept)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
                info.Environment[name] = value;
        }
    }
}
