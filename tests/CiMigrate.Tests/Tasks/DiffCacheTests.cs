using CiMigrate.Configuration;
using CiMigrate.Migrations;
using CiMigrate.Planning;
using CiMigrate.Shadow;
using CiMigrate.Tests.Fixtures;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Tasks;

/// <summary>ci-migrate diff on its own throwaway shadow, with the shadow cache cold, warm, and made for other files.</summary>
public sealed class DiffCacheTests
{
    TempDirectory _repo = null!;
    TempDirectory _cache = null!;

    [SetUp]
    public void CreateRepository()
    {
        _repo = new TempDirectory();
        _cache = new TempDirectory();
        // The plan is what is compared here; these small files break house rules that would fail the check.
        _repo.File("ci-migrate.json", $$"""{ "lint": {{LenientLint.SettingsJson}} }""");
        _repo.File("supabase/migrations/20250101000000_budgets.sql",
            """
            SET search_path TO money_tracker;
            CREATE TABLE budgets (id int PRIMARY KEY, note text, amount numeric(12,2));
            GRANT ALL ON budgets TO postgres, authenticated, service_role;
            """);
        _repo.File("supabase/migrations/20250102000000_categories.sql",
            """
            SET search_path TO money_tracker;
            CREATE TABLE categories (id int PRIMARY KEY, name text NOT NULL);
            """);
        _repo.File("supabase/migrations/20250103000000_drop_note.sql",
            """
            SET search_path TO money_tracker;
            -- BREAKING CHANGE: apps stop reading budgets.note
            ALTER TABLE budgets DROP COLUMN note;
            ALTER TABLE categories ADD COLUMN budget_id int REFERENCES budgets (id);
            """);
    }

    [TearDown]
    public void DeleteRepository()
    {
        _repo.Dispose();
        _cache.Dispose();
    }

    /// <summary>A target where apply has run the first two migrations (with their ledger rows).</summary>
    async Task<TestDatabase> TargetWithTwoAppliedAsync()
    {
        var target = await PostgresServer.CreateDatabaseAsync();
        var set = MigrationSet.Load(new AppSettings("supabase", "money_tracker", Path.Combine(_repo.Path, "supabase", "migrations")), _repo.Path);
        await using var runner = await ShadowMigrationRunner.OpenAsync(target.ConnectionString, set.App, CancellationToken.None);
        await runner.ApplyAsync([set.Migrations[0], set.Migrations[1]], alreadyApplied: false, CancellationToken.None);
        return target;
    }

    /// <summary>The plan as JSON; exit code 0 (no drift) or 1 (drift) as <paramref name="expectedExitCode"/> says.</summary>
    async Task<string> PlanAsync(TestDatabase target, string cacheFolder, int expectedExitCode = 0)
    {
        var run = await CliRun.RunAsync(_repo.Path, new Dictionary<string, string?> { [ShadowCache.FolderVariable] = cacheFolder },
            "diff", "--format", "json", "--database-url", target.ConnectionString, "--app", "supabase");
        Assert.That(run.ExitCode, Is.EqualTo(expectedExitCode), run.Error);
        return run.Output;
    }

    string[] Entries() => Directory.Exists(Path.Combine(_cache.Path, "shadow"))
        ? [.. Directory.GetDirectories(Path.Combine(_cache.Path, "shadow")).Select(Path.GetFileName).Order()!]
        : [];

    [Test]
    public async Task A_warm_cache_gives_the_same_plan_byte_for_byte_as_a_cold_one_and_as_no_cache()
    {
        await using var target = await TargetWithTwoAppliedAsync();

        var cold = await PlanAsync(target, _cache.Path);
        var entries = Entries();
        var warm = await PlanAsync(target, _cache.Path);
        var uncached = await PlanAsync(target, "off");

        Assert.That(entries, Has.Length.EqualTo(2).And.Some.StartsWith("cluster-").And.Some.StartsWith("history-"));
        Assert.That(Entries(), Is.EqualTo(entries), "the warm run found its entries and added none");
        Assert.That(warm, Is.EqualTo(cold));
        Assert.That(uncached, Is.EqualTo(cold));
        Assert.That(cold, Does.Contain("\"budgets\"").And.Contain("note"));
    }

    [Test]
    public async Task Editing_an_applied_file_replays_the_history_again_instead_of_using_the_entry_made_for_the_old_file()
    {
        await using var target = await TargetWithTwoAppliedAsync();
        var before = await PlanAsync(target, _cache.Path);
        var history = Entries().Single(e => e.StartsWith("history-", StringComparison.Ordinal));

        // The applied file now makes a column the target does not have: only a fresh replay shows it as drift.
        _repo.File("supabase/migrations/20250102000000_categories.sql",
            """
            SET search_path TO money_tracker;
            CREATE TABLE categories (id int PRIMARY KEY, name text NOT NULL, colour text);
            """);
        var edited = await PlanAsync(target, _cache.Path, expectedExitCode: 1);
        var uncached = await PlanAsync(target, "off", expectedExitCode: 1);

        Assert.That(edited, Is.Not.EqualTo(before));
        Assert.That(edited, Is.EqualTo(uncached));
        Assert.That(edited, Does.Contain("colour"));
        var histories = Entries().Where(e => e.StartsWith("history-", StringComparison.Ordinal)).ToList();
        Assert.That(histories, Has.Count.EqualTo(2));
        Assert.That(histories, Does.Contain(history));
    }
}
