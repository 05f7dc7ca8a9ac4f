namespace CiMigrate.Reporting;

/// <summary><c>status</c>: every migration of the app with its state on the target, and the plan hash of what is pending.</summary>
public sealed record StatusReport(string App, string Environment, string Target, string PlanHash, IReadOnlyList<StatusEntry> Migrations);
