namespace CiMigrate.History;

/// <summary>Where a migration of an app stands on a target, comparing the local files with the ledger.</summary>
public enum MigrationState
{
    Applied,
    Pending,

    /// <summary>Applied, but the local file's checksum differs from the one recorded: someone edited it.</summary>
    Edited,

    /// <summary>In the ledger, but no local file has its version (deleted, or from another branch).</summary>
    MissingLocally,

    /// <summary>Pending, but older than the newest applied migration.</summary>
    OutOfOrder,

    /// <summary>
    /// Not applied, but an earlier run committed some of its segments (<see cref="MigrationStatus.Progress"/>): the file runs
    /// in segments and was stopped between two; an apply resumes it, <c>repair --partial</c> settles the record by hand.
    /// </summary>
    PartlyApplied,
}
