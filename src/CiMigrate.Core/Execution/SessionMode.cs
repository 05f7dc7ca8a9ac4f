namespace CiMigrate.Execution;

/// <summary>What a session may do: change the database under the app's lock, or only read.</summary>
public enum SessionMode
{
    /// <summary>Takes the app's advisory lock and creates or upgrades the ledger: apply, rollback, baseline, repair.</summary>
    Write,

    /// <summary>
    /// Takes the app's advisory lock but leaves a missing or old ledger as it is: <c>--dry-run</c>, which creates it
    /// inside its rolled-back transaction, so that a dry run leaves no trace.
    /// </summary>
    DryRun,

    /// <summary>No lock and no ledger creation; a database without a ledger reads as empty: status, gates.</summary>
    Read,
}
