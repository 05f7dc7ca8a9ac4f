namespace CiMigrate.Sql;

/// <summary>
/// The table lock each statement takes, from its kind and ALTER TABLE actions, as PostgreSQL documents it
/// (https://www.postgresql.org/docs/15/explicit-locking.html and each command's page): the one place lint and the
/// planner learn lock modes from.
/// </summary>
static class StatementLocks
{
    /// <summary>The strongest lock the statement takes on its table; null when it takes none worth naming.</summary>
    public static LockMode? Of(SqlStatement statement) => statement.Kind switch
    {
        StatementKind.CreateIndex or StatementKind.Reindex => statement.IsConcurrently ? LockMode.ShareUpdateExclusive : LockMode.Share,
        StatementKind.DropIndex => statement.IsConcurrently ? LockMode.ShareUpdateExclusive : LockMode.AccessExclusive,
        StatementKind.CreateTrigger => LockMode.ShareRowExclusive,
        StatementKind.DropTrigger or StatementKind.CreatePolicy or StatementKind.AlterPolicy or StatementKind.DropPolicy
            or StatementKind.DropTable or StatementKind.Truncate => LockMode.AccessExclusive,
        StatementKind.Lock => LockMode.Named(LockStatementMode(statement)),
        >= StatementKind.AlterTable and <= StatementKind.AlterTableDetachPartition when statement.AlterActions.Count > 0 =>
            statement.AlterActions.Select(a => a.Lock).Aggregate(LockMode.Strongest),
        >= StatementKind.AlterTable and <= StatementKind.AlterTableDetachPartition => LockMode.AccessExclusive,
        _ => null,
    };

    /// <summary>The lock of one ALTER TABLE action (https://www.postgresql.org/docs/15/sql-altertable.html).</summary>
    public static LockMode OfAction(AlterTableAction action) => action.Kind switch
    {
        StatementKind.AlterTableValidateConstraint or StatementKind.AlterTableAttachPartition => LockMode.ShareUpdateExclusive,
        StatementKind.AlterTableDetachPartition when action.Contains("CONCURRENTLY") => LockMode.ShareUpdateExclusive,
        StatementKind.AlterTableEnableTrigger or StatementKind.AlterTableDisableTrigger => LockMode.ShareRowExclusive,
        StatementKind.AlterTableAddConstraint when action.Contains("REFERENCES") => LockMode.ShareRowExclusive,
        _ => LockMode.AccessExclusive,
    };

    /// <summary>The words between IN and MODE of <c>LOCK TABLE t IN SHARE ROW EXCLUSIVE MODE</c>, upper-case.</summary>
    static string? LockStatementMode(SqlStatement statement)
    {
        var at = statement.IndexOfKeywords(0, "IN");
        var end = statement.IndexOfKeywords(at + 1, "MODE");
        return at < 0 || end < 0 ? null : string.Join(' ', statement.Tokens.Skip(at + 1).Take(end - at - 1).Select(t => t.Keyword));
    }
}
