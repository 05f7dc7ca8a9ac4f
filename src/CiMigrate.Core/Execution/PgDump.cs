
namespace CiMigrate.Execution;

/// <summary>
/// Finds <c>pg_dump</c> and <c>pg_restore</c> as the throwaway cluster finds its binaries: <c>PG_BIN</c>, then the
/// Debian layout newest major first (pg_dump refuses a server newer than itself), then <c>PATH</c>.
/// </summary>
static class PgDump
{
    const string DebianRoot = "/usr/lib/postgresql";

    public static string Find(IReadOnlyDictionary<string, string?> environment)
    {
        var candidates = new List<string>();
        if (environment.TryGetValue("PG_BIN", out var pgBin) && !string.IsNullOrWhiteSpace(pgBin))
            candidates.Add(pgBin);
        if (Directory.Exists(DebianRoot))
        {
            candidates.AddRange(Directory.EnumerateDirectories(DebianRoot)
                .Select(dir => (dir, major: int.TryParse(Path.GetFileName(dir), out var major) ? major : 0))
                .Where(x => x.major > 0)
                .OrderByDescending(x => x.major)
                .Select(x => Path.Combine(x.dir, "bin")));
        }

        if (environment.TryGetValue("PATH", out var path) && path is not null)
            candidates.AddRange(path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));

        return candidates.Select(dir => Path.Combine(dir, "pg_dump")).FirstOrDefault(File.Exists)
            ?? throw new UsageException(
                "--backup needs pg_dump, which was not found in PG_BIN, /usr/lib/postgresql/<version>/bin or PATH: " +
                "install the PostgreSQL client (apt-get install postgresql-client-15) or set PG_BIN.");
    }
}
