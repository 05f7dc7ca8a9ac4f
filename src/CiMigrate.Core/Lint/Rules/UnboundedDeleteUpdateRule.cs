using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>A DELETE or UPDATE without WHERE touches every row, locks them all, and is rarely what was meant.</summary>
sealed class UnboundedDeleteUpdateRule : ILintRule
{
    public string Id => "unbounded-delete-update";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Lock;
    public string Summary => "DELETE or UPDATE without WHERE";
    public string Help => "Add a WHERE that says which rows (`WHERE description IS NULL` for a backfill); for a big table backfill in batches.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var statement in file.Statements)
        {
            if (statement.Kind is StatementKind.Delete or StatementKind.Update && !statement.ContainsKeyword("WHERE")
                && !file.CreatesTable(statement.Target))
            {
                findings.Report(statement, $"{statement.Tokens[0].Keyword} on {statement.Target} without WHERE changes every row and locks them all until the migration commits.");
            }
        }
    }
}
