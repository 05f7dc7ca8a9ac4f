using CiMigrate.Diagnostics;
using CiMigrate.Execution;
using CiMigrate.History;

namespace CiMigrate.Reporting;

/// <summary>
/// What in a <see cref="StatusReport"/> needs someone's attention, as findings for the github and SARIF forms of
/// <c>status</c>: a migration a run left partly applied or partly rolled back and an invalid index (errors: a run stopped half-way), an
/// edited, out-of-order or missing file (warnings). Each carries the code of the refusal it leads to.
/// </summary>
public static class StatusFindings
{
    public static IReadOnlyList<Finding> Of(StatusReport report) =>
    [
        .. report.Migrations.Select(e => Of(e, report.Environment)).OfType<Finding>(),
        .. report.InvalidIndexes.Select(index => new Finding(null, 0, 0, RefusalCodes.InvalidIndex.Id, Severity.Error,
            $"The index {index} in {report.App}'s schema on {report.Environment} is invalid (indisvalid = false), left by a failed " +
            "CREATE INDEX CONCURRENTLY.", $"Drop it (DROP INDEX CONCURRENTLY IF EXISTS {index}), then apply again to build it.")),
    ];

    static Finding? Of(StatusEntry entry, string environment) => entry.RollingBack == true ? PartlyRolledBack(entry, environment) : entry.State switch
    {
        MigrationState.PartlyApplied => new Finding(entry.File, 0, 0, RefusalCodes.PartlyApplied.Id, Severity.Error,
            $"{entry.File} is partly applied to {environment}: {entry.SegmentsCommitted} of {entry.Segments} segments committed, " +
            "the rest never ran. Rollback cannot undo part of a file.",
            $"Apply again to resume it at segment {entry.SegmentsCommitted + 1}; or undo the committed segments by hand and record it: " +
            $"ci-migrate repair --env {environment} --partial {entry.Version} --to not-applied --reason <why>"),
        MigrationState.Edited => new Finding(entry.File, 0, 0, RefusalCodes.EditedMigration.Id, Severity.Warning,
            $"{entry.File} was edited after it was applied to {environment}: apply refuses to go on until the history matches.",
            "Restore the applied text and put the change in a new migration; if the edit is harmless (a comment), accept it " +
            $"with: ci-migrate repair --env {environment} --accept-checksum {entry.Version}"),
        MigrationState.OutOfOrder => new Finding(entry.File, 0, 0, RefusalCodes.OutOfOrder.Id, Severity.Warning,
            $"{entry.File} is older than the newest migration applied to {environment}.",
            "Give it a newer version, or apply with --allow-out-of-order if applying it late is safe."),
        MigrationState.MissingLocally => new Finding(null, 0, 0, RefusalCodes.MissingLocalFile.Id, Severity.Warning,
            $"{entry.Version}_{entry.Name} is applied to {environment} but has no file in the repository.",
            "Restore the file from the branch that applied it: rollback and the plan's replay need it."),
        _ => null,
    };

    static Finding PartlyRolledBack(StatusEntry entry, string environment) =>
        new(entry.File, 0, 0, RefusalCodes.PartlyApplied.Id, Severity.Error,
            $"{entry.Version}_{entry.Name} is partly rolled back on {environment}: {entry.SegmentsCommitted} of {entry.Segments} segments " +
            "of its down file committed, the rest never ran; apply refuses to run on top of it.",
            $"Roll back again to finish it (rollback resumes at segment {entry.SegmentsCommitted + 1} of the down file).");
}
