using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// A function without its own <c>SET search_path</c> resolves names through the caller's search_path, which a
/// caller can point at objects it controls (Supabase advisor lint 0011, function_search_path_mutable).
/// </summary>
sealed class FunctionSearchPathRule : ILintRule
{
    public string Id => "function-search-path";
    public LintSeverity DefaultSeverity => LintSeverity.Warning;
    public RuleCategory Category => RuleCategory.Security;
    public string Summary => "CREATE FUNCTION/PROCEDURE without SET search_path";
    public string Help => "Add `SET search_path = ''` to the function and qualify names in its body (`money_tracker.budgets`), or `SET search_path = <schema>`.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var statement in file.Statements)
        {
            if (statement.Kind is not (StatementKind.CreateFunction or StatementKind.CreateProcedure)
                || statement.IndexOfKeywords(0, "SET", "SEARCH_PATH") >= 0 || IsNativeCode(statement))
                continue;
            findings.Report(statement, $"{StatementKindWords.Of(statement.Kind)} {statement.Target} has no SET search_path: the caller's search_path decides what its unqualified names mean.");
        }
    }

    static bool IsNativeCode(SqlStatement statement)
    {
        var language = statement.IndexOfKeywords(0, "LANGUAGE");
        return language >= 0 && language + 1 < statement.Tokens.Count
            && statement.Tokens[language + 1].Name is "c" or "internal";
    }
}
