using CiMigrate.History;

namespace CiMigrate.Execution;

/// <summary>How <see cref="MigrationExecutor.ApplyAsync"/> applies the pending migrations.</summary>
public sealed record ApplyOptions
{
    /// <summary>Who and what is behind the run, written with each ledger row.</summary>
    public required RunProvenance Provenance { get; init; }

    /// <summary>All pending migrations in one transaction, rolled back at the end: proves they apply, changes nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>All pending migrations in one transaction, committed at the end: all or nothing.</summary>
    public bool Atomic { get; init; }
}
