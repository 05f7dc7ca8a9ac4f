namespace CiMigrate.Planning;

/// <summary>A migration the plan would apply, with its SQL for the reviewer.</summary>
/// <param name="File">The path users see, relative to the repository root.</param>
public sealed record PendingMigration(string Version, string Name, string File, string Checksum, string Sql);
