using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// <c>user_metadata</c> in a Supabase JWT is editable by the user (<c>supabase.auth.updateUser</c>); a policy that
/// trusts it lets users grant themselves access (Supabase advisor lint 0015, rls_references_user_metadata).
/// </summary>
sealed class PolicyUserMetadataRule : ILintRule
{
    public string Id => "policy-user-metadata";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Security;
    public string Summary => "A policy that reads user_metadata (editable by the user)";
    public string Help => "Decide access from `app_metadata` (only the server can write it) or from a table the app controls.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var statement in file.Statements)
        {
            if (statement.Kind is not (StatementKind.CreatePolicy or StatementKind.AlterPolicy))
                continue;
            foreach (var token in statement.Tokens)
            {
                var text = token.Kind == SqlTokenKind.String ? token.Text.Trim('\'') : token.Name;
                if (text is "user_metadata" or "raw_user_meta_data")
                {
                    findings.Report(statement, token, $"Policy {statement.Target} on {statement.Table} reads {text}, which every user can edit for themselves.");
                    break;
                }
            }
        }
    }
}
