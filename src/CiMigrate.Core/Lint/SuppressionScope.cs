namespace CiMigrate.Lint;

public enum SuppressionScope
{
    /// <summary><c>-- ci-migrate:ignore</c>: the statement right after the comment.</summary>
    Statement,

    /// <summary><c>-- ci-migrate:ignore-file</c>: every statement of the file.</summary>
    File,
}
