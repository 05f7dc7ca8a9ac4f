using CiMigrate.Migrations;

namespace CiMigrate.History;

/// <summary>One migration's state on a target, with the local file and the ledger row when they exist.</summary>
public sealed record MigrationStatus(string Version, string Name, MigrationState State, Migration? Local, AppliedMigration? Applied)
{
    /// <summary>
    /// For a <see cref="MigrationState.PartlyApplied"/> migration, its committed segments in order; for an applied one a
    /// rollback left part-way, the committed segments of its down file (<see cref="SegmentProgress.RollingBack"/>); else empty.
    /// </summary>
    public IReadOnlyList<SegmentProgress> Progress { get; init; } = [];
}
