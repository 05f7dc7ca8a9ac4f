using System.Text.Json.Serialization;
using CiMigrate.Sql;

namespace CiMigrate.Planning;

/// <summary>A migration the plan would apply, with its SQL for the reviewer.</summary>
/// <param name="File">The path users see, relative to the repository root.</param>
public sealed record PendingMigration(string Version, string Name, string File, string Checksum, string Sql)
{
    /// <summary>
    /// How the file will run: <c>in one transaction</c>, or in segments, each named with its statements and why it stands
    /// apart (<see cref="TransactionSegments.Describe"/>).
    /// </summary>
    public string Runs { get; init; } = "in one transaction";

    /// <summary>How many segments the file commits in (1: one transaction with its ledger row).</summary>
    public int Segments { get; init; } = 1;

    /// <summary>
    /// For a migration an earlier run left partly applied on the target: the segments committed there; the apply resumes
    /// after them. Null when none is.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? SegmentsCommitted { get; init; }

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
