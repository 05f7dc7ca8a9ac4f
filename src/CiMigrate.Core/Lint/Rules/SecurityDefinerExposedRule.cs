using CiMigrate.Configuration;
using CiMigrate.Migrations;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// A SECURITY DEFINER function in an exposed schema is callable by anyone through <c>/rest/v1/rpc</c> and runs
/// with its owner's rights, past RLS. PostgreSQL grants EXECUTE to PUBLIC by default and Supabase's default
/// privileges grant it to <c>anon</c> and <c>authenticated</c> directly, so both revokes are needed. The exposure
/// also comes later: a <c>GRANT EXECUTE ... TO anon</c> on such a function (made in this file or an earlier one), or
/// <c>ALTER DEFAULT PRIVILEGES ... GRANT EXECUTE ON FUNCTIONS TO anon</c> ahead of one.
/// Trigger functions cannot be called through the API and are left alone.
/// </summary>
sealed class SecurityDefinerExposedRule : ILintRule
{
    // authenticated is left out on purpose: a function that policies call (the runbook's membership check) must be
    // executable by every signed-in user, and the safe pattern grants it exactly that.
    static readonly string[] Roles = ["public", "anon"];

    public string Id => "security-definer-exposed";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.Security;
    public string Summary => "SECURITY DEFINER function callable by PUBLIC or anon through the API";
    public string Help => "After the function: `REVOKE EXECUTE ON FUNCTION f(args) FROM PUBLIC, anon;` and GRANT EXECUTE only to the roles that need it (authenticated, service_role), never to anon or PUBLIC, neither directly nor through ALTER DEFAULT PRIVILEGES.";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var statement in file.Statements)
        {
            switch (statement.Kind)
            {
                case StatementKind.CreateFunction or StatementKind.CreateProcedure:
                    CheckCreate(file, statement, findings);
                    break;
                case StatementKind.Grant when GrantsExecute(statement):
                    CheckGrant(file, statement, findings);
                    break;
                case StatementKind.AlterDefaultPrivileges when statement.IndexOfKeywords(0, "REVOKE") < 0 && GrantsExecute(statement)
                    && (statement.IndexOfKeywords(0, "ON", "FUNCTIONS") >= 0 || statement.IndexOfKeywords(0, "ON", "ROUTINES") >= 0):
                    CheckDefaultPrivileges(file, statement, findings);
                    break;
            }
        }
    }

    static bool GrantsExecute(SqlStatement statement) => statement.ContainsKeyword("EXECUTE") || statement.ContainsKeyword("ALL");

    static bool IsApiCallableDefiner(SqlStatement statement) =>
        SecurityDefinerFunctions.Sets(statement) == true && statement.Kind != StatementKind.AlterFunction
        && statement.IndexOfKeywords(0, "RETURNS", "TRIGGER") < 0 && statement.IndexOfKeywords(0, "RETURNS", "EVENT_TRIGGER") < 0;

    static void CheckCreate(LintFile file, SqlStatement statement, FindingCollector findings)
    {
        if (!IsApiCallableDefiner(statement) || statement.Target is not { } function)
            return;
        var revoked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var revoke in file.Statements.Skip(statement.Index + 1))
        {
            if (revoke.Kind != StatementKind.Revoke || !GrantsExecute(revoke))
                continue;
            if (Covers(file, revoke, function))
                revoked.UnionWith(revoke.Grantees());
        }

        var missing = Roles.Where(role => !revoked.Contains(role)).ToList();
        if (missing.Count > 0)
            findings.Report(statement, $"SECURITY DEFINER function {function} is callable by {RoleList(missing)} through the API and runs with its owner's rights, past RLS.");
    }

    static void CheckGrant(LintFile file, SqlStatement grant, FindingCollector findings)
    {
        var exposed = Roles.Where(grant.Grantees().Contains).ToList();
        if (exposed.Count == 0)
            return;
        var inFile = file.Statements.Take(grant.Index).Where(IsApiCallableDefiner).Select(s => s.Target!);
        var functions = grant.IsOnAllInSchema("FUNCTIONS") || grant.IsOnAllInSchema("ROUTINES")
            ? inFile.Where(f => grant.Objects.Contains(SqlNames.SchemaOf(f) ?? file.NameSchema))
            : grant.Objects.Where(o => inFile.Any(f => file.SameObject(f, o)) || DefinerInEarlierFile(file, o));
        foreach (var function in functions.Distinct())
            findings.Report(grant, $"GRANT EXECUTE makes SECURITY DEFINER function {function} callable by {RoleList(exposed)} through the API, running with its owner's rights, past RLS.");
    }

    static void CheckDefaultPrivileges(LintFile file, SqlStatement defaults, FindingCollector findings)
    {
        var exposed = Roles.Where(defaults.Grantees().Contains).ToList();
        if (exposed.Count == 0)
            return;
        // Default privileges apply to functions created after them; IN SCHEMA limits them to those schemas.
        var later = file.Statements.Skip(defaults.Index + 1).Where(IsApiCallableDefiner).Select(s => s.Target!)
            .Where(f => defaults.Objects.Count == 0 || defaults.Objects.Contains(SqlNames.SchemaOf(f) ?? file.NameSchema));
        foreach (var function in later.Distinct())
            findings.Report(defaults, $"ALTER DEFAULT PRIVILEGES grants EXECUTE to {RoleList(exposed)} on SECURITY DEFINER function {function}, created below: callable through the API with its owner's rights, past RLS.");
    }

    static bool Covers(LintFile file, SqlStatement revoke, string function) =>
        revoke.IsOnAllInSchema("FUNCTIONS") || revoke.IsOnAllInSchema("ROUTINES")
            ? revoke.Objects.Contains(SqlNames.SchemaOf(function) ?? file.NameSchema)
            : revoke.Objects.Any(o => file.SameObject(o, function));

    static bool DefinerInEarlierFile(LintFile file, string function) =>
        file.Folder is { } folder && MigrationFileName.TryParse(file.FileName, out var name)
        && folder.SecurityDefiners.IsDefinerBefore(name.Value.Version, function);

    static string RoleList(IEnumerable<string> roles) => string.Join(" and ", roles.Select(r => r == "public" ? "PUBLIC" : r));
}
