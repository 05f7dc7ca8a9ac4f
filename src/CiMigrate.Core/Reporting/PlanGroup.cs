using CiMigrate.Planning;

namespace CiMigrate.Reporting;

/// <summary>The changes of one table (or of a schema's other objects), under a title such as <c>table money_tracker.budgets (added)</c>.</summary>
public sealed record PlanGroup(string Title, IReadOnlyList<SchemaChange> Changes);
