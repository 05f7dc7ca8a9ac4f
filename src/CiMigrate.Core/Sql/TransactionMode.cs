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

    /// <summary>
    /// The file's first statement is <c>BEGIN</c> (<c>BEGIN TRANSACTION</c>, <c>BEGIN WORK</c>, <c>START TRANSACTION</c>)
    /// and its last <c>COMMIT</c> (or <c>END</c>), as many teams wrap every file: the wrapper says what ci-migrate does
    /// anyway, so the statements between (<see cref="SqlScript.StatementsToRun"/>) run as one transaction with the
    /// ledger row, without the wrapper.
    /// </summary>
    Wrapped,

    /// <summary>
    /// The file holds statements that cannot run in a transaction block (<c>CREATE INDEX CONCURRENTLY</c>, <c>VACUUM</c>,
    /// ...), its own <c>BEGIN ... COMMIT</c> blocks, or an enum value used after the statement that adds it: it runs in
    /// <see cref="SqlScript.Segments"/>, as the Supabase CLI runs it, each segment committed with its progress record.
    /// </summary>
    Segmented,
}
