using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// Supabase's API (PostgREST) reaches a schema's tables only through roles with USAGE on the schema: a migration that
/// creates the app's schema without <c>GRANT USAGE ON SCHEMA</c> to the API roles the app's settings name
/// (<c>apiRoles</c>, default anon, authenticated and service_role), or that revokes it, leaves every table of it
/// answering "permission denied for schema" wherever the file runs without ci-migrate's apply (which grants it when it
/// creates the schema): <c>supabase db reset</c>, <c>supabase db push</c>, a branch.
/// </summary>
sealed class SchemaApiUsageRule : ILintRule
{
    public string Id => "schema-api-usage";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.HouseRule;
    public string Summary => "The app's schema created without, or revoking, USAGE for the API roles";

    public string Help =>
        "After CREATE SCHEMA: `GRANT USAGE ON SCHEMA <schema> TO anon, authenticated, service_role;` (the app's apiRoles), " +
        "and list the schema among the API's exposed schemas (supabase/config.toml [api] schemas, or the dashboard's API settings).";

    /// <summary>A down file undoes its up file's grants along with the schema.</summary>
    public bool AppliesToDownFiles => false;

    public void Check(LintFile file, FindingCollector findings)
    {
        if (file.OwnSchema is not { } schema)
            return;
        var roles = file.Folder?.App?.ApiRoles ?? AppSettings.SupabaseApiRoles;

        foreach (var statement in file.Statements)
        {
            if (statement.Kind == StatementKind.CreateSchema && statement.Target == schema)
            {
                var granted = file.Statements.Skip(statement.Index + 1)
                    .Where(s => s.Kind == StatementKind.Grant && GivesUsageOn(s, schema))
                    .SelectMany(s => s.Grantees())
                    .ToHashSet(StringComparer.Ordinal);
                var missing = granted.Contains("public") ? [] : roles.Where(role => !granted.Contains(role)).ToList();
                if (missing.Count > 0)
                    findings.Report(statement,
                        $"Schema {schema} is created without USAGE for {string.Join(", ", missing)}: Supabase's API cannot reach any of its tables through " +
                        $"{(missing.Count == 1 ? "that role" : "those roles")} (\"permission denied for schema {schema}\").");
            }
            else if (statement.Kind == StatementKind.Revoke && GivesUsageOn(statement, schema)
                     && statement.Grantees().Where(roles.Contains).Except(RegrantedAfter(file, statement, schema)).ToList() is { Count: > 0 } revoked)
            {
                findings.Report(statement,
                    $"Revokes USAGE on schema {schema} from {string.Join(", ", revoked)}: Supabase's API can no longer reach any of its tables through " +
                    $"{(revoked.Count == 1 ? "that role" : "those roles")}.",
                    "Revoke privileges on the tables that must stay private instead (or rely on RLS policies); the API roles keep USAGE on the app's schema.");
            }
        }
    }

    /// <summary>
    /// The roles a later GRANT of the same file gives USAGE on the schema again: "revoke all, then grant what is
    /// declared" (as generate writes a changed grant) takes nothing away from them.
    /// </summary>
    static IEnumerable<string> RegrantedAfter(LintFile file, SqlStatement revoke, string schema) =>
        file.Statements.Skip(revoke.Index + 1)
            .Where(s => s.Kind == StatementKind.Grant && GivesUsageOn(s, schema))
            .SelectMany(s => s.Grantees());

    /// <summary>A GRANT or REVOKE of USAGE (or ALL) ON SCHEMA naming the schema.</summary>
    static bool GivesUsageOn(SqlStatement statement, string schema)
    {
        var on = statement.IndexOfKeywords(0, "ON", "SCHEMA");
        if (on < 0 || !statement.Objects.Contains(schema))
            return false;
        return statement.Tokens.Take(on).Any(t => t.Is("USAGE") || t.Is("ALL"));
    }
}
