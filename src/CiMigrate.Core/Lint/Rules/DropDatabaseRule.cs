using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>The database is shared by every app: a migration never drops it.</summary>
sealed class DropDatabaseRule : ILintRule
{
    public string Id => "drop-database";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Lock;
    public string Summary => "DROP DATABASE";
    public string Help => "Remove it. Dropping a database is an operator's decision, never a migration's.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var statement in file.Statements)
        {
            if (statement.Kind == StatementKind.DropDatabase)
                findings.Report(statement, $"DROP DATABASE {string.Join(", ", statement.Objects)} destroys every app's data on the shared server.");
        }
    }
}
