namespace CiMigrate.Tests.Execution;

/// <summary>
/// Supabase's API reaches an app's schema only with USAGE on it (issue 25, finding 10): an apply that creates the schema
/// grants it to the app's API roles, the grant check says when a role lacks it, and an identity column's sequence,
/// used through its table, is no missing grant.
/// </summary>
public sealed class ApiReachabilityTests
{
    [Test]
    public async Task An_apply_that_creates_the_schema_grants_usage_to_the_api_roles()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "init", "SET search_path TO recipe_box;\nCREATE TABLE IF NOT EXISTS recipes (id int);\n", "recipe-box");

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("granted USAGE on schema recipe_box to anon, authenticated, service_role"));
        foreach (var role in new[] { "anon", "authenticated", "service_role" })
            Assert.That(await repo.Staging.ScalarAsync($"SELECT has_schema_privilege('{role}', 'recipe_box', 'USAGE')"), Is.True, role);
    }

    [Test]
    public async Task The_roles_an_app_names_are_the_ones_granted()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.AppSettings["recipe-box"] = """ "apiRoles": ["service_role"] """;
        repo.Up("20250208000001", "init", "SET search_path TO recipe_box;\nCREATE TABLE IF NOT EXISTS recipes (id int);\n", "recipe-box");

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(await repo.Staging.ScalarAsync("SELECT has_schema_privilege('service_role', 'recipe_box', 'USAGE')"), Is.True);
        Assert.That(await repo.Staging.ScalarAsync("SELECT has_schema_privilege('anon', 'recipe_box', 'USAGE')"), Is.False);
    }

    [Test]
    public async Task The_grant_check_names_a_schema_the_api_cannot_reach_and_no_identity_sequence()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        await repo.Staging.ExecuteAsync("CREATE SCHEMA recipe_box");
        repo.Up("20250208000001", "init", """
            SET search_path TO recipe_box;
            CREATE TABLE IF NOT EXISTS recipes (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY);
            GRANT ALL ON recipes TO postgres, authenticated, service_role;
            GRANT SELECT ON recipes TO anon;
            """, "recipe-box");

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("anon lacks USAGE on schema recipe_box"));
        Assert.That(run.Output, Does.Contain("service_role lacks USAGE on schema recipe_box"));
        Assert.That(run.Output, Does.Not.Contain("on sequence"));
    }
}
