namespace CiMigrate.Lint;

/// <summary>What a rule protects; decides which files it reads (down files skip idempotency).</summary>
public enum RuleCategory
{
    /// <summary>The runbook's conventions: search_path header, own schema, grants, RLS, breaking-change notes.</summary>
    HouseRule,

    /// <summary>A migration runs safely twice: IF NOT EXISTS, IF EXISTS, ON CONFLICT, OR REPLACE.</summary>
    Idempotency,

    /// <summary>Locks and rewrites that stall a live database (what Squawk and strong_migrations check).</summary>
    Lock,

    /// <summary>Supabase exposure pitfalls the database advisor only finds after the fact.</summary>
    Security,

    /// <summary>File names and places, checked without reading SQL.</summary>
    File,

    /// <summary>Findings of the linter itself: a syntax error, a crashing rule, an unused suppression.</summary>
    Linter,
}
