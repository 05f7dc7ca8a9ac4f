using CiMigrate.Planning;

namespace CiMigrate.Reporting;

/// <summary>How a pending migration runs, as the plan shows it when it is more than one transaction or partly applied.</summary>
static class PlanSegments
{
    /// <summary>Whether the plan says more than the default: the file runs in segments, or the target has some of them.</summary>
    public static bool WorthShowing(PendingMigration migration) =>
        migration.Segments > 1 || migration.Runs != "in one transaction" || migration.SegmentsCommitted is not null;

    /// <summary><c>2 of 3 segments committed; apply resumes at segment 3</c>.</summary>
    public static string Partly(PendingMigration migration, int committed) =>
        $"{committed} of {migration.Segments} segments committed by an earlier run; apply resumes at segment {committed + 1}";
}
