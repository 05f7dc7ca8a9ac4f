namespace CiMigrate.Reporting;

/// <summary>
/// <c>status</c>: every migration of the app with its state on the target, the plan hash of what is pending, and the
/// app schema's invalid indexes (left by a failed <c>CREATE INDEX CONCURRENTLY</c>), and the expand-contract changes
/// still open there.
/// </summary>
public sealed record StatusReport(string App, string Environment, string Target, string PlanHash, IReadOnlyList<StatusEntry> Migrations,
    IReadOnlyList<string> InvalidIndexes)
{
    public IReadOnlyList<OpenExpandContract> OpenExpandContract { get; init; } = [];
}
