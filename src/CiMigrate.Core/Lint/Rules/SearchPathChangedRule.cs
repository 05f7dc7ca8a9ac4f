using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>A later SET or RESET of search_path sends the rest of the file to another schema.</summary>
sealed class SearchPathChangedRule : ILintRule
{
    public string Id => "search-path-changed";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.HouseRule;
    public string Summary => "search_path is set or reset again after the header";
    public string Help => "Keep the one `SET search_path` at the top; qualify a name (`other.table`) where you really mean another schema.";

    public void Check(LintFile file, FindingCollector findings)
    {
        var header = file.Header;
        foreach (var statement in file.Statements)
        {
            if (statement == header)
                continue;
            if (statement.Kind == StatementKind.SetSearchPath)
                findings.Report(statement, $"search_path changes to {string.Join(", ", statement.Objects)} in the middle of the file: the statements after it run in another schema.");
            else if (statement.Kind == StatementKind.Reset && statement.Tokens.Count > 1 && (statement.Tokens[1].Is("SEARCH_PATH") || statement.Tokens[1].Is("ALL")))
                findings.Report(statement, "RESET of search_path in the middle of the file: the statements after it run in the default schema (public).");
        }
    }
}
