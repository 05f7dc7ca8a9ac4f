namespace CiMigrate.Reporting;

/// <summary>
/// <c>status</c>: every migration of the app with its state on the target, the plan hash of what is pending, and the
/// expand-contract changes still open there.
/// </summary>
public sealed record StatusReport(string App, string Environment, string Target, string PlanHash, IReadOnlyList<StatusEntry> Migrations)
{
    public IReadOnlyList<OpenExpandContract> OpenExpandContract { get; init; } = [];
}
