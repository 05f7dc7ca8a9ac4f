namespace CiMigrate.Lint;

/// <summary>The comments lint reads in migration files (the no-transaction marker is the SQL layer's: <see cref="Sql.TransactionMarker"/>).</summary>
public static class LintMarkers
{
    /// <summary><c>-- ci-migrate:ignore &lt;rule-id&gt; [reason]</c>: the next statement.</summary>
    public const string Ignore = "ci-migrate:ignore";

    /// <summary><c>-- ci-migrate:ignore-file &lt;rule-id&gt; [reason]</c>: the whole file.</summary>
    public const string IgnoreFile = "ci-migrate:ignore-file";

    /// <summary>The runbook's note above a change that needs app changes.</summary>
    public const string BreakingChange = "BREAKING CHANGE:";
}
