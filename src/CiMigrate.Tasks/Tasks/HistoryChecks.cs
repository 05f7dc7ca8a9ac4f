using CiMigrate.Configuration;
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
            $"(checksum then {e.Applied!.Checksum[..12]}…, now {e.Local.Checksum[..12]}…).",
            "Restore the applied text and put the change in a new migration; if the edit is harmless (a comment), accept it " +
            $"with: ci-migrate repair --env {environment} --accept-checksum {e.Version}",
            e.Local.Up.DisplayPath, null, null)),
    ];

    /// <summary>
    /// Partly applied migrations, one refusal each, for a rollback: ci-migrate cannot undo part of a file. Its down file
    /// undoes the whole migration and would meet what the remaining segments never made; the committed segments are named
    /// so that they can be undone by hand. Empty when none is.
    /// </summary>
    public static IReadOnlyList<RunRefused> PartlyApplied(HistoryComparison comparison, string environment) =>
    [
        .. comparison.PartlyApplied.Select(e => new RunRefused(RefusalCodes.PartlyApplied,
            $"{e.Local!.Up.DisplayPath} is partly applied to {environment}: {e.Progress.Count} of {e.Progress[^1].Segments} segments " +
            $"committed (lines {string.Join(", ", e.Progress.Select(p => p.Lines))}). Rollback cannot undo part of a file: its down " +
            "file undoes the whole migration, and would meet what the remaining segments never made; the migrations before it " +
            "would roll back beneath it. Nothing was run.",
            $"Finish it first (apply resumes it), then roll back; or undo those lines by hand and record it: ci-migrate repair " +
            $"--env {environment} --partial {e.Version} --to not-applied --reason <why>",
            e.Local.Up.DisplayPath, null, null)),
    ];

    /// <summary>
    /// Applied migrations an earlier rollback left part-way, one refusal each, for an apply: what runs next would meet a
    /// half-undone migration. The rollback resumes where it stopped. Empty when none is.
    /// </summary>
    public static IReadOnlyList<RunRefused> PartlyRolledBack(HistoryComparison comparison, string environment) =>
    [
        .. comparison.PartlyRolledBack.Select(e => new RunRefused(RefusalCodes.PartlyApplied,
            $"{e.Local?.Down?.DisplayPath ?? e.Version} is partly run on {environment}: a rollback committed {e.Progress.Count} of " +
            $"{e.Progress[^1].Segments} segments of it (lines {string.Join(", ", e.Progress.Select(p => p.Lines))}) and stopped, so " +
            $"{e.Version}_{e.Name} is half undone. Nothing was run.",
            $"Finish the rollback first: ci-migrate rollback --env {environment} --to <the version before {e.Version}> resumes it at " +
            $"segment {e.Progress.Count + 1}.",
            e.Local?.Down?.DisplayPath, null, null)),
    ];

    /// <summary>
    /// History lost while its effects stayed, which would make apply run migrations again: ledger rows gone while
    /// the events record their apply (the fix is repair), or objects in the app's schema with no ledger row nor event
    /// of the app at all (the fix is baseline). Empty when nothing is pending or nothing is lost.
    /// </summary>
    public static async Task<IReadOnlyList<RunRefused>> LostAsync(MigrationSession session, HistoryComparison comparison,
        CancellationToken cancellationToken)
    {
        if (comparison.Pending.Count == 0)
            return [];
        var (app, schema, environment) = (session.App.Name, session.App.Schema, session.Environment.Name);
        var lost = await LostHistory.LostRowsAsync(session.Connection, app, cancellationToken);
        if (lost.Count > 0)
        {
            return [new RunRefused(RefusalCodes.LostLedgerRows,
                $"The ledger of app '{app}' on {environment} has no row for {string.Join(", ", lost.Select(l => l.Version))}, " +
                "while its events record them as applied: applying would run them a second time.",
                $"If they are still applied, put their rows back: ci-migrate repair --env {environment} --restore-lost. If their " +
                $"changes were undone by hand, say so: ci-migrate repair --env {environment} --forget <version>.", null, null, null)];
        }

        // Rows, progress rows (a first migration a run left partly applied made those objects), or events of a history
        // forgotten on purpose (repair --forget): not an unknown history.
        if (comparison.Entries.Any(e => e.Applied is not null || e.Progress.Count > 0) || !await session.SchemaExistsAsync(cancellationToken)
            || await LostHistory.HasEventsAsync(session.Connection, app, cancellationToken))
            return [];
        var (names, count) = await LostHistory.ObjectsAsync(session.Connection, schema, 5, cancellationToken);
        if (count == 0)
            return [];
        // Another app's ledger rows in this schema: the schema is that app's, and baseline would adopt its objects.
        var owners = await LostHistory.OtherOwnersAsync(session.Connection, schema, app, cancellationToken);
        if (owners.Count > 0)
        {
            var named = string.Join(" and ", owners.Select(o => $"'{o}'"));
            return [new RunRefused(RefusalCodes.SchemaWithoutHistory,
                $"The schema {schema} belongs to app {named} on {environment} (its ledger rows were applied there), and holds " +
                $"{count} object(s) ({string.Join(", ", names)}{(count > names.Count ? ", …" : "")}); app '{app}' has no migration in it.",
                $"Give app '{app}' a schema of its own in ci-migrate.json; if it is the same app under a new name, keep its old " +
                "name (--app), so its history follows it.", null, null, null)];
        }

        return [new RunRefused(RefusalCodes.SchemaWithoutHistory,
            $"The schema {schema} already holds {count} object(s) ({string.Join(", ", names)}{(count > names.Count ? ", …" : "")}), " +
            $"but the ledger has no migration of app '{app}' on {environment}: applying would run every migration again on top " +
            "of them.",
            $"If they came from these migrations, record them without running them: ci-migrate baseline --app {app} --env {environment} " +
            "(--to <version> for the ones applied; --from-supabase to adopt the Supabase CLI's history). If they are " +
            "leftovers, drop them first.", null, null, null)];
    }

    /// <summary>
    /// Ledger rows of the app recorded in another schema than the settings name: the app was pointed at another
    /// schema (or two apps share a name), and their histories must not mix.
    /// </summary>
    public static IReadOnlyList<RunRefused> SchemaMismatch(HistoryComparison comparison, AppSettings app, string environment)
    {
        var others = comparison.Entries
            .Where(e => e.Applied?.Schema is { } schema && schema != app.Schema)
            .GroupBy(e => e.Applied!.Schema!)
            .ToList();
        return [.. others.Select(g => new RunRefused(RefusalCodes.SchemaMismatch,
            $"The ledger on {environment} records {string.Join(", ", g.Select(e => e.Version))} of app '{app.Name}' in schema " +
            $"{g.Key}, but the settings say its schema is {app.Schema}.",
            $"Set the app's schema back to {g.Key}, or give the app in schema {app.Schema} a name of its own.", null, null, null))];
    }
}
