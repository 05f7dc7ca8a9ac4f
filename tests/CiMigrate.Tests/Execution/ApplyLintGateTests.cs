namespace CiMigrate.Tests.Execution;

/// <summary>Lint before apply: the pending migrations with the default severities, on a real PostgreSQL.</summary>
public sealed class ApplyLintGateTests
{
    const string Categories = """
        SET search_path TO money_tracker;
        CREATE TABLE IF NOT EXISTS categories (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL);
        ALTER TABLE categories ENABLE ROW LEVEL SECURITY;
        GRANT ALL ON categories TO postgres, authenticated, service_role;
        GRANT SELECT ON categories TO anon;
        """;

    const string ResetNames = """
        SET search_path TO money_tracker;
        UPDATE categories SET name = '';
        """;

    const string Ledger = "SELECT string_agg(version, ',' ORDER BY version) FROM ci_migrate.applied_migrations";

    static async Task<MigrationRepository> RepositoryAsync()
    {
        var repo = await MigrationRepository.CreateAsync();
        repo.LintSettings = null;
        repo.Up("20250208000001", "create_categories", Categories);
        repo.Up("20250208000002", "reset_names", ResetNames);
        return repo;
    }

    [TestCase("stage-apply")]
    [TestCase("stage-apply", "--dry-run")]
    public async Task Unsafe_pending_migration_stops_the_apply_before_anything_runs(params string[] args)
    {
        await using var repo = await RepositoryAsync();

        var run = await repo.RunAsync(args);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("apps/money-tracker/supabase/migrations/20250208000002_reset_names.sql:2:1"));
        Assert.That(run.Error, Does.Contain("lint found 1 error in the pending migrations for staging (unbounded-delete-update)"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.categories') IS NULL"), Is.True);
        // A refused run leaves nothing behind: no ledger on a database that had none (issue 24), dry run or not.
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regnamespace('ci_migrate') IS NULL"), Is.True);
    }

    [Test]
    public async Task With_format_github_the_findings_are_annotations()
    {
        await using var repo = await RepositoryAsync();

        var run = await repo.RunAsync("stage-apply", "--format", "github");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        Assert.That(run.Output, Does.Contain(
            "::error file=apps/money-tracker/supabase/migrations/20250208000002_reset_names.sql,line=2,col=1,title=unbounded-delete-update::"));
    }

    [Test]
    public async Task Unsafe_migration_already_applied_does_not_stop_a_later_apply()
    {
        await using var repo = await RepositoryAsync();
        var forced = await repo.RunAsync("stage-apply", "--skip-lint");
        Assert.That(forced.ExitCode, Is.EqualTo(0), forced.Output + forced.Error);
        repo.Up("20250208000003", "create_tags", Categories.Replace("categories", "tags"));

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(await repo.Staging.ScalarAsync(Ledger), Is.EqualTo("20250208000001,20250208000002,20250208000003"));
    }
}
