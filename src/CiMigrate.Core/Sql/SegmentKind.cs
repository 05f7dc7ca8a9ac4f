namespace CiMigrate.Sql;

/// <summary>How one <see cref="TransactionSegment"/> of a file meets a transaction.</summary>
public enum SegmentKind
{
    /// <summary>A run of ordinary statements: one transaction, committed with its record.</summary>
    Transaction,

    /// <summary>
    /// One statement on its own, outside any transaction block: it cannot run in one (<c>CREATE INDEX CONCURRENTLY</c>,
    /// <c>VACUUM</c>, ...), or the file is marked <c>-- ci-migrate:no-transaction</c>.
    /// </summary>
    Alone,

    /// <summary>
    /// The file's own <c>BEGIN ... COMMIT</c> (or <c>END</c>) block, run as written: one transaction, so a <c>SET LOCAL</c>
    /// inside it lasts to its end, as under psql.
    /// </summary>
    Block,
}
