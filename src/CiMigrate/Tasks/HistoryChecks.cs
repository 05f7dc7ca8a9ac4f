using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.History;

namespace CiMigrate.Tasks;

/// <summary>Checks of the ledger against the files that refuse a run before anything runs.</summary>
static class HistoryChecks
{
    /// <summary>
    /// Applied migrations whose file changed since, one refusal each: the database no longer matches the repository's
    /// story. Empty when none changed.
    /// </summary>
    public static IReadOnlyList<RunRefused> Edited(HistoryComparison comparison, string environment) =>
    [
        .. comparison.Edited.Select(e => new RunRefused(RefusalCodes.EditedMigration,
            $"{e.Local!.Up.DisplayPath} was edited after it was applied to {environment} " +
            $"(checksum then {e.Applied!.Checksum[..12]}…, now {e.Local.Checksum[..12]}…). Nothing was applied.",
            "Restore the applied text and put the change in a new migration; if the edit is harmless (a comment), accept it " +
            $"with: ci-migrate repair --env {environment} --accept-checksum {e.Version}",
            e.Local.Up.DisplayPath, null, null)),
    ];
}
