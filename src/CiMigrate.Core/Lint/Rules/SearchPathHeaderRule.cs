using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>The runbook: "Always set search_path at the top", to the app's own schema.</summary>
sealed class SearchPathHeaderRule : ILintRule
{
    public string Id => "search-path-header";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.HouseRule;
    public string Summary => "The first statement is SET search_path TO the app's schema";
    public string Help => "Start the file with `SET search_path TO <schema>;` so unqualified names land in the app's own schema.";

    public void Check(LintFile file, FindingCollector findings)
    {
        if (file.Header is not { } header)
            return;
        var expected = file.Schema ?? "<schema>";
        if (header.Kind != StatementKind.SetSearchPath)
        {
            findings.Report(header, $"The file does not start with SET search_path TO {expected}; unqualified names would land in whatever schema the session uses.",
                $"Add `SET search_path TO {expected};` as the first statement.");
        }
        else if (file.Schema is { } schema && (header.Objects.Count == 0 || header.Objects[0] != schema))
        {
            findings.Report(header, $"SET search_path TO {string.Join(", ", header.Objects)}: this app's schema is {schema}.",
                $"Use `SET search_path TO {schema};`: one app's migrations work in its own schema.");
        }
    }
}
