namespace CiMigrate.Execution;

/// <summary>How a <see cref="BatchTransaction"/> ends once every step ran.</summary>
enum TransactionEnd
{
    /// <summary>The steps stay applied, with their ledger rows.</summary>
    Commit,

    /// <summary>Nothing stays: a dry run proves the steps apply.</summary>
    RollBack,
}
