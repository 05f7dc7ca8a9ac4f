namespace CiMigrate.Lint;

public enum LintFileRole
{
    /// <summary>A forward migration, or any SQL file given on the command line.</summary>
    Up,

    /// <summary>A down migration: in a <c>down/</c> folder of a migrations folder, or named <c>*_down.sql</c>.</summary>
    Down,

    /// <summary>
    /// A file in a migrations folder that is no migration (<c>seed.sql</c>, <c>x.SQL</c>): skipped by ci-migrate and the
    /// Supabase CLI, so only the file rules read it.
    /// </summary>
    NotAMigration,
}
