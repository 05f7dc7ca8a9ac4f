using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// CREATE POLICY has no IF NOT EXISTS; the runbook's pattern drops the old one first:
/// <c>DROP POLICY IF EXISTS "x" ON t; CREATE POLICY "x" ON t ...</c>.
/// </summary>
sealed class PolicyDropBeforeCreateRule : ILintRule
{
    public string Id => "policy-drop-before-create";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Idempotency;
    public string Summary => "CREATE POLICY without a DROP POLICY IF EXISTS of the same name before it";
    public string Help => "Put `DROP POLICY IF EXISTS \"<name>\" ON <table>;` right before the CREATE.";

    public void Check(LintFile file, FindingCollector findings) =>
        DropBeforeCreate.Check(file, findings, "POLICY", StatementKind.CreatePolicy, StatementKind.DropPolicy);
}
