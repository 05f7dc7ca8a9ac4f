using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// A SECURITY DEFINER function in an exposed schema is callable by anyone through <c>/rest/v1/rpc</c> and runs
/// with its owner's rights, past RLS. PostgreSQL grants EXECUTE to PUBLIC by default and Supabase's default
/// privileges grant it to <c>anon</c> and <c>authenticated</c> directly, so both revokes are needed.
/// Trigger functions cannot be called through the API and are left alone.
/// </summary>
sealed class SecurityDefinerExposedRule : ILintRule
{
    static readonly string[] Roles = ["public", "anon"];

    public string Id => "security-definer-exposed";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Security;
    public string Summary => "SECURITY DEFINER function without REVOKE EXECUTE ... FROM PUBLIC, anon";
    public string Help => "After the function: `REVOKE EXECUTE ON FUNCTION f(args) FROM PUBLIC, anon;` and GRANT EXECUTE only to the roles that need it (authenticated, service_role).";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var statement in file.Statements)
        {
            if (statement.Kind is not (StatementKind.CreateFunction or StatementKind.CreateProcedure)
                || statement.IndexOfKeywords(0, "SECURITY", "DEFINER") < 0 || statement.Target is not { } function
                || statement.IndexOfKeywords(0, "RETURNS", "TRIGGER") >= 0 || statement.IndexOfKeywords(0, "RETURNS", "EVENT_TRIGGER") >= 0)
                continue;
            var revoked = new HashSet<string>(StringComparer.Ordinal);
            foreach (var revoke in file.Statements.Skip(statement.Index + 1))
            {
                if (revoke.Kind != StatementKind.Revoke || !(revoke.ContainsKeyword("EXECUTE") || revoke.ContainsKeyword("ALL")))
                    continue;
                var covers = revoke.IsOnAllInSchema("FUNCTIONS") || revoke.IsOnAllInSchema("ROUTINES")
                    ? revoke.Objects.Contains(SqlNames.SchemaOf(function) ?? file.OwnSchema)
                    : revoke.Objects.Any(o => file.SameObject(o, function));
                if (covers)
                    revoked.UnionWith(revoke.Grantees());
            }

            var missing = Roles.Where(role => !revoked.Contains(role)).ToList();
            if (missing.Count > 0)
                findings.Report(statement, $"SECURITY DEFINER function {function} is callable by {string.Join(" and ", missing.Select(r => r == "public" ? "PUBLIC" : r))} through the API and runs with its owner's rights, past RLS.");
        }
    }
}
