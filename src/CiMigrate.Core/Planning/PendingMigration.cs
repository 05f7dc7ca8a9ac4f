using System.Text.Json.Serialization;
using CiMigrate.Sql;

namespace CiMigrate.Planning;

/// <summary>A migration the plan would apply, with its SQL for the reviewer.</summary>
/// <param name="File">The path users see, relative to the repository root.</param>
public sealed record PendingMigration(string Version, string Name, string File, string Checksum, string Sql)
{
    /// <summary>Expand, contract or neither, from the file's directive (written only when not <see cref="MigrationPhase.None"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public MigrationPhase Phase { get; init; }

    /// <summary>For a contract migration: the expand migration it completes.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ExpandVersion { get; init; }

    /// <summary>
    /// For a contract migration planned against a target: how long prod-apply still waits before running it (zero: it may
    /// run now); null when its expand is not applied there yet, or without a target.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TimeSpan? ContractWait { get; init; }
}
