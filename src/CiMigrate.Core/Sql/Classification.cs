namespace CiMigrate.Sql;

/// <summary>What <see cref="StatementClassifier"/> found in a statement's tokens.</summary>
readonly record struct Classification(
    StatementKind Kind,
    IReadOnlyList<AlterTableAction> AlterActions,
    IReadOnlyList<SqlObjectRef> Objects,
    bool IsOrReplace,
    bool HasIfNotExists,
    bool HasIfExists,
    bool IsConcurrently);
