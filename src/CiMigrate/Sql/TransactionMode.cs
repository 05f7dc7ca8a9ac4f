namespace CiMigrate.Sql;

/// <summary>How a migration file runs, read once from the parsed file (<see cref="SqlScript.TransactionMode"/>).</summary>
public enum TransactionMode
{
    /// <summary>The default: the whole file in one transaction together with its ledger row.</summary>
    Transaction,

    /// <summary>
    /// Marked <c>-- ci-migrate:no-transaction</c> in the comments before its first statement: each statement on
    /// its own, outside a transaction (<c>CREATE INDEX CONCURRENTLY</c> needs it), the ledger row after the last.
    /// </summary>
    NoTransaction,
}
