using CiMigrate.Configuration;

namespace CiMigrate.Lint;

/// <summary>Findings the linter itself reports: the ids exist like rule ids, with docs pages, but no rule class.</summary>
public static class LinterFindings
{
    public static RuleDescription SyntaxError { get; } = new("syntax-error", LintSeverity.Error, RuleCategory.Linter,
        "The file cannot be read as plain SQL (unterminated string, comment or dollar quote, psql meta-command)",
        "Fix the SQL at the position shown; ci-migrate reads files as PostgreSQL does, without psql.");

    public static RuleDescription InternalError { get; } = new("internal-error", LintSeverity.Error, RuleCategory.Linter,
        "A lint rule failed on this file; the other rules still ran",
        "Report the message with the file that caused it. Meanwhile `-- ci-migrate:ignore-file <rule-id> <reason>` silences the rule for this file.");

    public static RuleDescription UnusedSuppression { get; } = new("unused-suppression", LintSeverity.Warning, RuleCategory.Linter,
        "A ci-migrate:ignore comment that hides nothing (the rule does not fire there, or no such rule exists)",
        "Remove the comment: a stale suppression would hide the next real problem.");

    public static IReadOnlyList<RuleDescription> All { get; } = [SyntaxError, InternalError, UnusedSuppression];
}
