using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// A view runs with its owner's rights by default, so it reads the tables past their RLS policies: anyone who can
/// select from the view sees every row (Supabase advisor lint 0010, security_definer_view). PostgreSQL 15's
/// <c>security_invoker</c> makes the view apply the caller's RLS.
/// </summary>
sealed class ViewSecurityInvokerRule : ILintRule
{
    public string Id => "view-security-invoker";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Security;
    public string Summary => "CREATE VIEW without WITH (security_invoker = true)";
    public string Help => "`CREATE OR REPLACE VIEW v WITH (security_invoker = true) AS ...` so the caller's row level security applies.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var statement in file.Statements)
        {
            if (statement.Kind != StatementKind.CreateView || HasSecurityInvoker(statement))
                continue;
            var setLater = file.Statements.Skip(statement.Index + 1).Any(s =>
                s.Kind == StatementKind.AlterView && file.SameObject(s.Target, statement.Target) && HasSecurityInvoker(s));
            if (!setLater)
                findings.Report(statement, $"View {statement.Target} runs with its owner's rights: it reads its tables past their row level security.");
        }
    }

    /// <summary><c>security_invoker</c>, <c>security_invoker = true</c> (or on, 1, yes) among the view's options.</summary>
    static bool HasSecurityInvoker(SqlStatement statement)
    {
        var tokens = statement.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Depth != 1 || tokens[i].Name != "security_invoker")
                continue;
            if (i + 2 < tokens.Count && tokens[i + 1].IsSymbol("="))
            {
                var value = tokens[i + 2].Text.Trim('\'').ToLowerInvariant();
                return value is "true" or "on" or "1" or "yes";
            }

            return true;
        }

        return false;
    }
}
