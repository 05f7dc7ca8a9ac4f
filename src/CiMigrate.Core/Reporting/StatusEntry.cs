using CiMigrate.History;

namespace CiMigrate.Reporting;

/// <summary>One line of <c>status</c>: a migration, its state, and what the ledger says about it.</summary>
public sealed record StatusEntry(
    string Version,
    string Name,
    MigrationState State,
    string? File,
    string? Checksum,
    string? AppliedChecksum,
    DateTimeOffset? AppliedAt,
    string? AppliedBy);
