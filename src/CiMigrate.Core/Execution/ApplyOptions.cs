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

    /// <summary>
    /// The migrations were applied to the target already, and are replayed (on the shadow): a file that needs to run
    /// outside a transaction but lacks the marker runs statement by statement, as the target must have run it, and a
    /// <see cref="Events.ReplayedWithoutTransaction"/> notes it, instead of a refusal.
    /// </summary>
    public bool AlreadyApplied { get; init; }

    /// <summary>
    /// The server is one the job started (the shadow), on the CI runner: statements of pending migrations that reach
    /// its files and programs (<see cref="ContentChecks.ServerAccess"/>) are refused instead of run. Global DDL is
    /// replayed there: the shadow is no one's shared database, and the plan goes on to show every change, while the
    /// lint finding of the same statement keeps the verdict dangerous and the apply refuses it on the target.
    /// </summary>
    public bool OnShadow { get; init; }

    /// <summary>What the preflight checks the files' statements for: applied files ran already and are not judged again.</summary>
    internal ContentChecks Checks => AlreadyApplied ? ContentChecks.None
        : OnShadow ? ContentChecks.ServerAccess
        : ContentChecks.GlobalDdl;
}
