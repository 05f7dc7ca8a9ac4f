namespace CiMigrate.Sql;

/// <summary>
/// A table lock mode of PostgreSQL (https://www.postgresql.org/docs/15/explicit-locking.html#LOCKING-TABLES),
/// the ones DDL takes, ordered by what they block.
/// </summary>
public sealed record LockMode
{
    LockMode(string name, int strength, string blocks)
    {
        Name = name;
        Strength = strength;
        Blocks = blocks;
    }

    /// <summary>SELECT.</summary>
    public static LockMode AccessShare { get; } = new("ACCESS SHARE", 1, "blocks only ACCESS EXCLUSIVE");

    /// <summary>SELECT FOR UPDATE/SHARE.</summary>
    public static LockMode RowShare { get; } = new("ROW SHARE", 2, "blocks EXCLUSIVE and ACCESS EXCLUSIVE");

    /// <summary>INSERT, UPDATE, DELETE.</summary>
    public static LockMode RowExclusive { get; } = new("ROW EXCLUSIVE", 3, "blocks SHARE and stronger locks");

    /// <summary>VACUUM, VALIDATE CONSTRAINT, CREATE INDEX CONCURRENTLY: reads and writes go on.</summary>
    public static LockMode ShareUpdateExclusive { get; } = new("SHARE UPDATE EXCLUSIVE", 4, "blocks other schema changes and VACUUM");

    /// <summary>CREATE INDEX: reads go on, writes wait.</summary>
    public static LockMode Share { get; } = new("SHARE", 5, "blocks writes (inserts, updates, deletes)");

    /// <summary>CREATE TRIGGER, ADD FOREIGN KEY: reads go on, writes wait.</summary>
    public static LockMode ShareRowExclusive { get; } = new("SHARE ROW EXCLUSIVE", 6, "blocks writes (inserts, updates, deletes)");

    /// <summary>REFRESH MATERIALIZED VIEW CONCURRENTLY: reads go on, writes wait.</summary>
    public static LockMode Exclusive { get; } = new("EXCLUSIVE", 7, "blocks writes (inserts, updates, deletes)");

    /// <summary>Most ALTER TABLE forms, DROP TABLE, TRUNCATE: everything waits.</summary>
    public static LockMode AccessExclusive { get; } = new("ACCESS EXCLUSIVE", 8, "blocks every read and write");

    static readonly LockMode[] All =
        [AccessShare, RowShare, RowExclusive, ShareUpdateExclusive, Share, ShareRowExclusive, Exclusive, AccessExclusive];

    /// <summary>As PostgreSQL's documentation writes it: <c>ACCESS EXCLUSIVE</c>.</summary>
    public string Name { get; }

    /// <summary>Higher blocks more; a statement with several actions takes the strongest.</summary>
    public int Strength { get; }

    /// <summary>What the app sees while the lock is held, for messages.</summary>
    public string Blocks { get; }

    /// <summary>Whether the app's writes (or reads) wait while it is held.</summary>
    public bool BlocksWrites => Strength >= Share.Strength;

    /// <summary>The mode named in <c>LOCK TABLE ... IN &lt;mode&gt; MODE</c> (upper-case words); ACCESS EXCLUSIVE when none is.</summary>
    public static LockMode Named(string? name) => Array.Find(All, mode => mode.Name == name) ?? AccessExclusive;

    public static LockMode Strongest(LockMode a, LockMode b) => a.Strength >= b.Strength ? a : b;

    public override string ToString() => Name;
}
