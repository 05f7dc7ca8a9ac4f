using CiMigrate.Migrations;

namespace CiMigrate.History;

/// <summary>One migration's state on a target, with the local file and the ledger row when they exist.</summary>
public sealed record MigrationStatus(string Version, string Name, MigrationState State, Migration? Local, AppliedMigration? Applied);
