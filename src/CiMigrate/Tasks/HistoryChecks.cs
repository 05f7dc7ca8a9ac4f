using CiMigrate.History;
using CiMigrate.Hosting;

namespace CiMigrate.Tasks;

/// <summary>Checks of the ledger against the files that stop a run before anything runs.</summary>
static class HistoryChecks
{
    /// <summary>An applied migration whose file changed since: the database no longer matches the repository's story.</summary>
    public static void ThrowIfEdited(HistoryComparison comparison, string environment)
    {
        if (comparison.Edited.Count == 0)
            return;
        var lines = comparison.Edited.Select(e =>
            $"{e.Local!.Up.DisplayPath} was edited after it was applied to {environment} " +
            $"(checksum then {e.Applied!.Checksum[..12]}…, now {e.Local.Checksum[..12]}…)");
        throw new UsageException(
            string.Join(System.Environment.NewLine, lines) + System.Environment.NewLine +
            "Nothing was applied. Restore the applied text and put the change in a new migration; if the edit is harmless " +
            $"(a comment), accept it with: ci-migrate repair --env {environment} --accept-checksum <version>");
    }
}
