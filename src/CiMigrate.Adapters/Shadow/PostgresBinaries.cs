using CiMigrate.Hosting;

namespace CiMigrate.Shadow;

/// <summary>
/// The folder holding a PostgreSQL server's <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>, for the throwaway cluster.
/// </summary>
public sealed class PostgresBinaries
{
    /// <summary>The oldest major version we start: Supabase runs 15, and migrations may use its syntax.</summary>
    public const int MinimumMajorVersion = 15;

    const string DebianRoot = "/usr/lib/postgresql";

    PostgresBinaries(string directory) => Directory = directory;

    public string Directory { get; }

    public string InitDb => Path.Combine(Directory, "initdb");

    public string Postgres => Path.Combine(Directory, "postgres");

    /// <summary>Binaries known to be in <paramref name="directory"/> (a private installation tree, say).</summary>
    internal static PostgresBinaries In(string directory) => new(directory);

    /// <summary>
    /// Looks in <c>PG_BIN</c>, then the Debian layout (<c>/usr/lib/postgresql/&lt;major&gt;/bin</c>, newest first),
    /// then <c>PATH</c>.
    /// </summary>
    /// <param name="environment">The process environment (<c>PG_BIN</c>, <c>PATH</c>).</param>
    /// <param name="preferredMajor">The target's major version: its Debian folder comes first when it is there.</param>
    /// <exception cref="UsageException">No usable binaries, or <c>PG_BIN</c> names a folder without them.</exception>
    public static PostgresBinaries Find(IReadOnlyDictionary<string, string?> environment, int? preferredMajor = null) =>
        Find(environment, DebianRoot, preferredMajor);

    internal static PostgresBinaries Find(IReadOnlyDictionary<string, string?> environment, string debianRoot, int? preferredMajor = null)
    {
        if (environment.TryGetValue("PG_BIN", out var pgBin) && !string.IsNullOrWhiteSpace(pgBin))
        {
            return HasAll(pgBin)
                ? new PostgresBinaries(Path.GetFullPath(pgBin))
                : throw new UsageException(
                    $"PG_BIN is set to '{pgBin}', but that folder does not hold initdb, pg_ctl and postgres. " +
                    "Point PG_BIN at a PostgreSQL bin folder (e.g. /usr/lib/postgresql/15/bin) or unset it.");
        }

        // The Debian folders come before PATH because PATH often holds only client wrappers
        // (postgresql-common links psql and pg_ctlcluster there, not the server binaries).
        var candidates = DebianCandidates(debianRoot, preferredMajor).Concat(PathCandidates(environment));
        var found = candidates.FirstOrDefault(HasAll);
        return found is not null
            ? new PostgresBinaries(found)
            : throw new UsageException(
                $"No PostgreSQL server binaries (initdb, pg_ctl, postgres; version {MinimumMajorVersion} or newer) " +
                $"were found in PG_BIN, {debianRoot}/<version>/bin or PATH. Install them " +
                "(Debian/Ubuntu: apt-get install postgresql-15) or set PG_BIN to the folder that holds them.");
    }

    /// <summary>
    /// Every server a run here may start, one per major version: <c>PG_BIN</c>'s alone when it is set, else each Debian
    /// folder (newest first), else the first on <c>PATH</c>. What <c>warm-shadow</c> builds the throwaway clusters of.
    /// </summary>
    /// <exception cref="UsageException">None found, or <c>PG_BIN</c> names a folder without them.</exception>
    public static IReadOnlyList<PostgresBinaries> Installed(IReadOnlyDictionary<string, string?> environment) =>
        Installed(environment, DebianRoot);

    internal static IReadOnlyList<PostgresBinaries> Installed(IReadOnlyDictionary<string, string?> environment, string debianRoot)
    {
        var hasPgBin = environment.TryGetValue("PG_BIN", out var pgBin) && !string.IsNullOrWhiteSpace(pgBin);
        var debian = hasPgBin ? [] : DebianCandidates(debianRoot, preferredMajor: null).Where(HasAll).ToList();
        return debian.Count > 0 ? [.. debian.Select(folder => new PostgresBinaries(folder))] : [Find(environment, debianRoot)];
    }

    static IEnumerable<string> DebianCandidates(string root, int? preferredMajor)
    {
        if (!System.IO.Directory.Exists(root))
            return [];

        return System.IO.Directory.EnumerateDirectories(root)
            .Select(dir => (dir, major: int.TryParse(Path.GetFileName(dir), out var major) ? major : 0))
            .Where(x => x.major >= MinimumMajorVersion)
            .OrderByDescending(x => x.major == preferredMajor)
            .ThenByDescending(x => x.major)
            .Select(x => Path.Combine(x.dir, "bin"));
    }

    static IEnumerable<string> PathCandidates(IReadOnlyDictionary<string, string?> environment) =>
        environment.TryGetValue("PATH", out var path) && path is not null
            ? path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            : [];

    static bool HasAll(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) &&
        File.Exists(Path.Combine(directory, "pg_ctl")) &&
        File.Exists(Path.Combine(directory, "postgres"));
}
