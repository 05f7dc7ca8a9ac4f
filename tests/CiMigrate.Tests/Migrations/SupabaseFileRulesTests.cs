using CiMigrate.Tests.Execution;

namespace CiMigrate.Tests.Migrations;

/// <summary>
/// The Supabase CLI's file rules on a real server: versions of any length, ordered as the CLI compares them (as text),
/// and files that are no migrations skipped with a warning, not an error.
/// </summary>
public sealed class SupabaseFileRulesTests
{
    [Test]
    public async Task A_legacy_a_nine_digit_and_a_thirteen_digit_version_apply_in_the_order_the_Supabase_CLI_gives_them()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("001", "legacy", "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS applied (n serial, version text);\nINSERT INTO applied (version) VALUES ('001');\n");
        foreach (var (version, name) in new[] { ("20240102000000", "fourteen"), ("202401011", "nine"), ("1704067200000", "thirteen") })
            repo.Up(version, name, $"SET search_path TO money_tracker;\nINSERT INTO applied (version) VALUES ('{version}');\n");

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(version, ',' ORDER BY n) FROM money_tracker.applied"),
            Is.EqualTo("001,1704067200000,202401011,20240102000000"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(version, ',' ORDER BY id) FROM ci_migrate.events"),
            Is.EqualTo("001,1704067200000,202401011,20240102000000"));
    }

    [Test]
    public async Task Seed_sql_in_the_migrations_folder_is_skipped_with_a_warning_and_the_rest_applies()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250101000000", "create_budgets", "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS budgets (id int);\n");
        File.WriteAllText(repo.PathOf("apps/money-tracker/supabase/migrations/seed.sql"), "INSERT INTO money_tracker.budgets VALUES (1);\n");

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        Assert.That(run.Error, Does.Contain(
            "Skipping migration apps/money-tracker/supabase/migrations/seed.sql: the name does not match <version>_<name>.sql"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM money_tracker.budgets"), Is.EqualTo(0));
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(version, ',') FROM ci_migrate.applied_migrations"),
            Is.EqualTo("20250101000000"));
    }
}
