using System.Text.Json.Serialization;
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
    string? AppliedBy)
{
    /// <summary>For a partly applied (or partly rolled back) migration: its segments committed, and of how many; null otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? SegmentsCommitted { get; init; }

    /// <inheritdoc cref="SegmentsCommitted"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Segments { get; init; }

    /// <summary>True for an applied migration a rollback left part-way: its segments are its down file's; null otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? RollingBack { get; init; }
}
