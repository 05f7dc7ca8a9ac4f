using CiMigrate.Diagnostics;
using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>The runbook: <c>ALTER TABLE transactions ADD COLUMN IF NOT EXISTS merchant TEXT;</c>.</summary>
sealed class AddColumnIfNotExistsRule : ILintRule
{
    public string Id => "add-column-if-not-exists";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Idempotency;
    public string Summary => "ALTER TABLE ... ADD COLUMN without IF NOT EXISTS";
    public string Help => "Write `ALTER TABLE t ADD COLUMN IF NOT EXISTS c type;` so the migration can run twice.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var statement in file.Statements)
        {
            foreach (var action in statement.AlterActions)
            {
                if (action.Kind != StatementKind.AlterTableAddColumn || action.HasIfNotExists)
                    continue;
                var column = action.Column?.Name ?? "";
                findings.Report(statement, action.FirstToken,
                    $"ADD COLUMN {column} without IF NOT EXISTS fails when the migration runs a second time.",
                    fix: LintFix.InsertAfter(statement, action.GuardAfter, "IF NOT EXISTS", $"add IF NOT EXISTS to ADD COLUMN {column}"));
            }
        }
    }
}
