using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>The runbook: seed data uses ON CONFLICT, or a second run inserts duplicates.</summary>
sealed class InsertOnConflictRule : ILintRule
{
    public string Id => "insert-on-conflict";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Idempotency;
    public string Summary => "INSERT without ON CONFLICT (or WHERE NOT EXISTS)";
    public string Help => "Add `ON CONFLICT DO NOTHING` (or `ON CONFLICT (key) DO UPDATE SET ...`), or insert from a SELECT with `WHERE NOT EXISTS (...)`.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var statement in file.Statements)
        {
            if (statement.Kind != StatementKind.Insert)
                continue;
            if (statement.IndexOfKeywords(0, "ON", "CONFLICT") >= 0 || statement.IndexOfKeywords(0, "WHERE", "NOT", "EXISTS") >= 0)
                continue;
            findings.Report(statement, $"INSERT INTO {statement.Target} without ON CONFLICT inserts the rows again (or fails on a key) when the migration runs a second time.");
        }
    }
}
