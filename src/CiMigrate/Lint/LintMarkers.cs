namespace CiMigrate.Lint;

/// <summary>The comments ci-migrate reads in migration files.</summary>
public static class LintMarkers
{
    /// <summary><c>-- ci-migrate:ignore &lt;rule-id&gt; [reason]</c>: the next statement.</summary>
    public const string Ignore = "ci-migrate:ignore";

    /// <summary><c>-- ci-migrate:ignore-file &lt;rule-id&gt; [reason]</c>: the whole file.</summary>
    public const string IgnoreFile = "ci-migrate:ignore-file";

    /// <summary>The file's statements run one by one outside a transaction (CREATE INDEX CONCURRENTLY).</summary>
    public const string NoTransaction = "ci-migrate:no-transaction";

    /// <summary>The runbook's note above a change that needs app changes.</summary>
    public const string BreakingChange = "BREAKING CHANGE:";
}
