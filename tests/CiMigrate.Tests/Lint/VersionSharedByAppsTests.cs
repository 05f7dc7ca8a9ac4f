using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Lint;

/// <summary>
/// Issue 25, finding 3: apps of one database each had a migration of the same version, and nothing said so. Lint now
/// names both files, through the command users run.
/// </summary>
sealed class VersionSharedByAppsTests
{
    const string Config = """
        { "apps": {
            "money-tracker": { "schema": "money_tracker", "migrations": "apps/money-tracker/supabase/migrations" },
            "home-portal": { "schema": "home_portal", "migrations": "apps/home-portal/supabase/migrations" },
            "recipe-box": { "schema": "recipe_box", "migrations": "apps/recipe-box/supabase/migrations" } },
          "lint": { "rules": { "missing-down-migration": "off" } } }
        """;

    static string Init(string schema) =>
        $"SET search_path TO {schema};\nCREATE TABLE IF NOT EXISTS items (id bigint PRIMARY KEY);\nALTER TABLE items ENABLE ROW LEVEL SECURITY;\n" +
        "GRANT ALL ON items TO postgres, authenticated, service_role;\nGRANT SELECT ON items TO anon;\n";

    [Test]
    public async Task Lint_names_both_files_of_a_version_two_apps_share()
    {
        using var repo = new TempDirectory();
        repo.File("ci-migrate.json", Config);
        repo.File("apps/money-tracker/supabase/migrations/20250208000001_init.sql", Init("money_tracker"));
        repo.File("apps/home-portal/supabase/migrations/20250208000001_init.sql", Init("home_portal"));
        repo.File("apps/recipe-box/supabase/migrations/20250208000002_init.sql", Init("recipe_box"));

        var run = await CliRun.RunAsync(repo.Path, "lint");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output);
        Assert.That(run.Output.Split('\n').Where(line => line.Contains("error[", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "apps/home-portal/supabase/migrations/20250208000001_init.sql:1:1: error[version-shared-by-apps] Version 20250208000001 is also " +
            "money-tracker's: apps/money-tracker/supabase/migrations/20250208000001_init.sql. Both apps record their migrations in the database's " +
            "supabase_migrations.schema_migrations, keyed by the version alone, so one app's row stands for the other's migration.",
            "apps/money-tracker/supabase/migrations/20250208000001_init.sql:1:1: error[version-shared-by-apps] Version 20250208000001 is also " +
            "home-portal's: apps/home-portal/supabase/migrations/20250208000001_init.sql. Both apps record their migrations in the database's " +
            "supabase_migrations.schema_migrations, keyed by the version alone, so one app's row stands for the other's migration.",
        }));
    }
}
