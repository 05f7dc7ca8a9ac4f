using CiMigrate.Configuration;
using CiMigrate.Lint;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Lint;

/// <summary>
/// The rules about Supabase's API reaching the app ask for the roles the app's settings name (<c>apiRoles</c>), not
/// Supabase's three when the app says otherwise.
/// </summary>
sealed class ApiRolesLintTests
{
    const string NewSchemaAndTable = """
        CREATE SCHEMA IF NOT EXISTS money_tracker;
        GRANT USAGE ON SCHEMA money_tracker TO anon, authenticated, service_role;
        SET search_path TO money_tracker;
        CREATE TABLE IF NOT EXISTS budgets (id bigint PRIMARY KEY);
        ALTER TABLE budgets ENABLE ROW LEVEL SECURITY;
        GRANT ALL ON budgets TO authenticated, service_role;
        GRANT SELECT ON budgets TO anon;

        """;

    static IReadOnlyList<string> Messages(IReadOnlyList<string> apiRoles)
    {
        using var repo = new TempDirectory();
        var path = repo.File("supabase/migrations/20250101000000_init.sql", NewSchemaAndTable);
        var app = new AppSettings("money-tracker", "money_tracker", Path.Combine(repo.Path, "supabase", "migrations")) { ApiRoles = apiRoles };
        var file = LintFile.Read(path, "20250101000000_init.sql", LintFileRole.Up, app.Schema, new MigrationsFolder(app.Migrations, app));
        return [.. LintTestSupport.AllRulesLinter().Lint(file)
            .Where(f => f.Rule is "schema-api-usage" or "new-table-grants")
            .Select(f => $"{f.Line} {f.Rule}: {f.Message}")];
    }

    [Test]
    public void Supabase_three_roles_granted_is_clean_by_default() =>
        Assert.That(Messages(AppSettings.SupabaseApiRoles), Is.Empty);

    [Test]
    public void An_app_whose_api_role_is_its_own_needs_the_grants_for_that_role()
    {
        Assert.That(Messages(["web_anon"]), Is.EquivalentTo(new[]
        {
            "1 schema-api-usage: Schema money_tracker is created without USAGE for web_anon: Supabase's API cannot reach any of its tables " +
            "through that role (\"permission denied for schema money_tracker\").",
            "4 new-table-grants: New table budgets has no GRANT to web_anon: the Supabase API cannot reach it (404) for that role.",
        }));
    }
}
