using System.Text.Json;
using CiMigrate.Tests.Execution;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Tasks;

/// <summary>
/// A repository with several apps and no --app (issue 25, finding 2): each app in turn, one report, one exit code, the
/// step outputs joined so the deploy workflow's production job checks every app's plan.
/// </summary>
public sealed class EachAppTests
{
    static string Table(string schema, string table) => $"SET search_path TO {schema};\nCREATE TABLE IF NOT EXISTS {table} (id int);\n";

    static async Task<MigrationRepository> ThreeAppsAsync()
    {
        var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Table("money_tracker", "budgets"));
        repo.Up("20250208000002", "create_rooms", Table("home_portal", "rooms"), "home-portal");
        repo.Up("20250208000003", "create_recipes", Table("recipe_box", "recipes"), "recipe-box");
        repo.Environment("production", """{ "databaseUrlEnv": "PRODUCTION_DATABASE_URL", "requires": "staging", "requireApproval": false }""");
        return repo;
    }

    [Test]
    public async Task Stage_apply_without_app_applies_every_app_in_one_run()
    {
        await using var repo = await ThreeAppsAsync();

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("== home-portal ==").And.Contain("== money-tracker ==").And.Contain("== recipe-box =="));
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(app || ' ' || version, ', ' ORDER BY app) FROM ci_migrate.applied_migrations"),
            Is.EqualTo("home-portal 20250208000002, money-tracker 20250208000001, recipe-box 20250208000003"));
    }

    [Test]
    public async Task Status_in_json_is_one_array_of_every_app_and_the_exit_code_is_the_worst()
    {
        await using var repo = await ThreeAppsAsync();
        await repo.RunAsync("stage-apply", "--app", "money-tracker");

        var status = await repo.RunAsync("status", "--env", "staging", "--format", "json");
        var rollback = await repo.RunAsync("rollback", "--env", "staging");

        Assert.That(status.ExitCode, Is.EqualTo(0), status.Error);
        var reports = JsonDocument.Parse(status.Output).RootElement.EnumerateArray().ToList();
        Assert.That(reports.Select(r => r.GetProperty("app").GetString()), Is.EquivalentTo(new[] { "home-portal", "money-tracker", "recipe-box" }));
        Assert.That(rollback.ExitCode, Is.EqualTo(2), "rollback stays one app at a time");
        Assert.That(rollback.Error, Does.Contain("choose one with --app"));
    }

    [Test]
    public async Task The_joined_plan_hash_of_staging_is_the_expected_plan_of_every_app_in_production()
    {
        await using var repo = await ThreeAppsAsync();
        var outputFile = repo.PathOf("github-output");
        File.WriteAllText(outputFile, "");
        repo.Variables["GITHUB_ACTIONS"] = "true";
        repo.Variables["GITHUB_OUTPUT"] = outputFile;

        var staging = await repo.RunAsync("stage-apply");
        var outputs = OutputFile.Read(outputFile);
        repo.Variables.Remove("GITHUB_ACTIONS");
        var hashes = JsonSerializer.Deserialize<Dictionary<string, string>>(outputs["plan-hash"])!;
        var partial = JsonSerializer.Serialize(hashes.Where(h => h.Key != "recipe-box").ToDictionary());
        var refused = await repo.RunAsync("prod-apply", "--expect-plan", partial);
        var appliedBeside = await repo.Production.ScalarAsync("SELECT string_agg(app, ', ' ORDER BY app) FROM ci_migrate.applied_migrations");
        var production = await repo.RunAsync("prod-apply", "--app", "recipe-box", "--expect-plan", outputs["plan-hash"]);

        Assert.That(staging.ExitCode, Is.EqualTo(0), staging.Error);
        Assert.That(hashes.Keys, Is.EquivalentTo(new[] { "home-portal", "money-tracker", "recipe-box" }));
        Assert.That(outputs["pending-count"], Is.EqualTo("3"));
        Assert.That(outputs["applied-count"], Is.EqualTo("3"));
        Assert.That(JsonSerializer.Deserialize<string[]>(outputs["applied-versions"]), Is.EquivalentTo(new[] { "20250208000001", "20250208000002", "20250208000003" }));
        Assert.That(refused.ExitCode, Is.EqualTo(1));
        Assert.That(refused.Error, Does.Contain("refused (no-reviewed-plan): --expect-plan is empty: the staging job reported no plan for recipe-box"));
        Assert.That(appliedBeside, Is.EqualTo("home-portal, money-tracker"), "each app is checked against its own entry");
        Assert.That(production.ExitCode, Is.EqualTo(0), production.Error);
        Assert.That(await repo.Production.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations"), Is.EqualTo(3));
    }

    [Test]
    public async Task Apps_prints_the_matrix_and_the_paths_without_linting()
    {
        await using var repo = await ThreeAppsAsync();
        repo.Up("20250208000009", "broken", "DROP TABLE budgets; BEGIN;");

        var apps = await repo.RunAsync("apps");
        var paths = await repo.RunAsync("apps", "--paths");

        Assert.That(apps.ExitCode, Is.EqualTo(0), apps.Error);
        Assert.That(apps.Output.Trim(), Is.EqualTo("""["home-portal","money-tracker","recipe-box"]"""));
        Assert.That(paths.Output.Trim(), Is.EqualTo(
            """["apps/home-portal/supabase/migrations/**","apps/money-tracker/supabase/migrations/**","apps/recipe-box/supabase/migrations/**","ci-migrate.json"]"""));
    }

    [Test]
    public async Task A_workflow_whose_filters_miss_an_app_fails_the_check_naming_the_line()
    {
        await using var repo = await ThreeAppsAsync();
        var stale = repo.PathOf("stale.yml");
        File.WriteAllText(stale, """
            on:
              pull_request:
                paths:
                  - "supabase/migrations/**"
                  - ci-migrate.json
            jobs:
              plan:
                steps:
                  - uses: actions/cache@v4
                    with:
                      key: shadow-${{ hashFiles('apps/money-tracker/supabase/migrations/**') }}
            """);
        var covering = repo.PathOf("covering.yml");
        File.WriteAllText(covering, """
            on:
              push:
                paths: ["apps/*/supabase/migrations/**", "ci-migrate.json"]
            jobs:
              plan:
                steps:
                  - uses: actions/cache@v4
                    with:
                      key: shadow-${{ hashFiles('apps/**/supabase/migrations/**', 'ci-migrate.json') }}
            """);

        var failed = await repo.RunAsync("apps", "--check-workflow", "stale.yml");
        var passed = await repo.RunAsync("apps", "--check-workflow", "covering.yml");

        Assert.That(failed.ExitCode, Is.EqualTo(1));
        Assert.That(failed.Error, Does.Contain(
            "stale.yml:4: the paths filter does not cover recipe-box's migrations (apps/recipe-box/supabase/migrations/20250101000000_sample.sql): add \"apps/recipe-box/supabase/migrations/**\""));
        Assert.That(failed.Error, Does.Contain("stale.yml:11: hashFiles('apps/money-tracker/supabase/migrations/**') does not cover home-portal's migrations"));
        Assert.That(failed.Error, Does.Not.Contain("cover money-tracker's migrations (apps/money-tracker/supabase/migrations/20250101000000_sample.sql), so"));
        Assert.That(passed.ExitCode, Is.EqualTo(0), passed.Error);
    }
}
