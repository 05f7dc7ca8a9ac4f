using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// A view over <c>auth.users</c> in an app's (exposed) schema publishes users' e-mails and metadata through the
/// API, past the auth schema's protection (Supabase advisor lint 0002, auth_users_exposed).
/// </summary>
sealed class AuthUsersExposedRule : ILintRule
{
    public string Id => "auth-users-exposed";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Security;
    public string Summary => "A view or materialized view that reads auth.users";
    public string Help => "Keep a `profiles` table in the app's schema (filled by a trigger on sign-up) with only the columns the app needs, protected by RLS.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var statement in file.Statements)
        {
            if (statement.Kind is StatementKind.CreateView or StatementKind.CreateMaterializedView
                && statement.References("auth", "users"))
                findings.Report(statement, $"View {statement.Target} reads auth.users: users' e-mails and metadata become reachable through the API.");
        }
    }
}
