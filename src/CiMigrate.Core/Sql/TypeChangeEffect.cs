namespace CiMigrate.Sql;

/// <summary>What changing a column's type costs.</summary>
public enum TypeChangeEffect
{
    /// <summary>Binary compatible: only the catalog changes (varchar(10) → varchar(20), varchar → text).</summary>
    None,

    /// <summary>Every row is rewritten under an ACCESS EXCLUSIVE lock, but every value fits (int → bigint).</summary>
    Rewrite,

    /// <summary>Values may not fit: the migration fails on them, or they are cut or rounded (text → varchar(10), bigint → int).</summary>
    Narrowing,
}
