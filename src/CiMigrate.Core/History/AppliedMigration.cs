namespace CiMigrate.History;

/// <summary>
/// One row of <c>ci_migrate.applied_migrations</c>: a migration of an app applied to a database, in the schema the app
/// had then (null for rows from before ledger version 2).
/// </summary>
public sealed record AppliedMigration(
    string App,
    string Version,
    string Name,
    string Checksum,
    DateTimeOffset AppliedAt,
    string AppliedBy,
    int DurationMs,
    string? Environment,
    string? GitSha,
    string? RunUrl,
    string? Approver,
    string? Schema);
