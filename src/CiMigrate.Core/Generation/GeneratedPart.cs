namespace CiMigrate.Generation;

/// <summary>
/// The files one generation may write, in the order they apply. Statements that PostgreSQL or the linter will not
/// let share a transaction with the rest get a file of their own.
/// </summary>
public enum GeneratedPart
{
    /// <summary><c>ALTER TYPE ... ADD VALUE</c>: a new value cannot be used in the transaction that added it.</summary>
    EnumValues,

    /// <summary>Everything else, in one transaction.</summary>
    Main,

    /// <summary><c>CREATE INDEX CONCURRENTLY</c> on tables that already exist: no transaction.</summary>
    ConcurrentIndexes,

    /// <summary><c>VALIDATE CONSTRAINT</c> after <c>NOT VALID</c>, keys added <c>USING INDEX</c>, <c>SET NOT NULL</c>.</summary>
    Validation,
}
