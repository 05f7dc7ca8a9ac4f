using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>TRUNCATE ... CASCADE also empties every table with a foreign key to it, recursively: other apps' too.</summary>
sealed class BanTruncateCascadeRule : ILintRule
{
    public string Id => "ban-truncate-cascade";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Lock;
    public string Summary => "TRUNCATE ... CASCADE";
    public string Help => "Name every table to truncate explicitly (`TRUNCATE a, b;`) so the reviewer sees what is emptied.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var statement in file.Statements)
        {
            if (statement.Kind == StatementKind.Truncate && statement.ContainsKeyword("CASCADE"))
                findings.Report(statement, $"TRUNCATE {string.Join(", ", statement.Objects)} CASCADE also empties every table that references them, recursively, whoever owns it.");
        }
    }
}
