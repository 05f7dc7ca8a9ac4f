using CiMigrate.Configuration;
using CiMigrate.Hosting;
using CiMigrate.Migrations;
using CiMigrate.Planning;
using CiMigrate.Shadow;
using CiMigrate.Tests.Fixtures;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Planning;

/// <summary>The replay on a real shadow: changes, hazards, drift against a real target.</summary>
public sealed class PlannerTests
{
    TempDirectory _repo = null!;

    [SetUp]
    public void CreateRepository() => _repo = new TempDirectory();

    [TearDown]
    public void DeleteRepository() => _repo.Dispose();

    static AppSettings App(string folder) => new("money-tracker", "money_tracker", folder);

    MigrationSet Migrations(params (string File, string Sql)[] files)
    {
        foreach (var (file, sql) in files)
            _repo.File($"migrations/{file}", sql);
        return MigrationSet.Load(App(Path.Combine(_repo.Path, "migrations")), _repo.Path);
    }

    static async Task<IShadowDatabase> ShadowAsync(CancellationToken cancellationToken) =>
        new ExistingServerShadow((await PostgresServer.GetClusterAsync()).ConnectionString());

    /// <summary>The target as apply leaves it: the migrations run by the executor, with their ledger rows.</summary>
    static async Task ApplyAsync(TestDatabase target, MigrationSet set)
    {
        await using var runner = await ShadowMigrationRunner.OpenAsync(target.ConnectionString, set.App, CancellationToken.None);
        Assert.That((await runner.ApplyAsync(set.Migrations, alreadyApplied: false, CancellationToken.None)).Succeeded, Is.True);
    }

    const string CreateBudgets = """
        SET search_path TO money_tracker;
        CREATE TABLE IF NOT EXISTS budgets (id uuid PRIMARY KEY, user_id uuid REFERENCES auth.users(id), amount numeric(12,2) NOT NULL, note text);
        """;

    [Test]
    public async Task Pending_migrations_are_replayed_after_the_applied_ones()
    {
        var set = Migrations(("20250101000000_budgets.sql", CreateBudgets),
            ("20250102000000_drop_note.sql", "SET search_path TO money_tracker;\nALTER TABLE budgets DROP COLUMN note;"));

        var plan = await Planner.PlanAsync(new PlanRequest
        {
            App = set.App, Applied = [set.Migrations[0]], Pending = [set.Migrations[1]], StartShadow = ShadowAsync,
        });

        Assert.That(plan.Changes.Select(CatalogChanges.Describe), Is.EqualTo(new[] { "removed column money_tracker.budgets.note" }));
        Assert.That(plan.Hazards.Select(h => (h.Kind, h.Object)), Is.EquivalentTo(new[]
        {
            (HazardKind.DataLoss, "money_tracker.budgets.note"),
            (HazardKind.Breaking, "money_tracker.budgets.note"),
            (HazardKind.Lock, "money_tracker.budgets"),
        }));
        var lockHazard = plan.Hazards.Single(h => h.Kind == HazardKind.Lock);
        Assert.That((lockHazard.Lock, lockHazard.File, lockHazard.Line),
            Is.EqualTo(("ACCESS EXCLUSIVE", "migrations/20250102000000_drop_note.sql", 2)));
    }

    [Test]
    public async Task Migration_writing_to_another_schema_is_an_isolation_hazard()
    {
        // The schema guard would stop this file; the allowances let it replay, and the plan still shows what it touches.
        var set = Migrations(("20250101000000_budgets.sql", """
            -- ci-migrate:allow-schema public a shared helper, agreed with its owner
            -- ci-migrate:allow-schema home_portal a table handed over to home-portal
            """ + CreateBudgets + """
            CREATE OR REPLACE FUNCTION public.helper() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
            CREATE SCHEMA IF NOT EXISTS home_portal;
            CREATE TABLE home_portal.stolen (id int);
            """));

        var plan = await Planner.PlanAsync(new PlanRequest { App = set.App, Pending = set.Migrations, StartShadow = ShadowAsync });

        // One hazard per statement that reaches out, at its line (the raw strings join lines 2 and 3 with the next).
        var isolation = plan.Hazards.Where(h => h.Kind == HazardKind.Isolation).ToList();
        Assert.That(isolation.Select(h => (h.Object, h.Line)), Is.EqualTo(new[] { ("home_portal", 4), ("home_portal", 5), ("public", 3) }));
        Assert.That(isolation[0].Message, Does.StartWith("touches schema home_portal: schema home_portal.home_portal added"));
        Assert.That(isolation[1].Message, Does.StartWith("touches schema home_portal: table home_portal.stolen added"));
        Assert.That(isolation[2].Message, Does.StartWith("touches schema public: function public.helper() added"));
        Assert.That(plan.Verdict.Level, Is.EqualTo(PlanVerdictLevel.Danger));
    }

    [Test]
    public async Task Own_schema_only_has_no_isolation_hazard_and_a_new_table_takes_no_lock_hazard()
    {
        var set = Migrations(("20250101000000_budgets.sql", CreateBudgets + "CREATE INDEX idx ON budgets (user_id);"));

        var plan = await Planner.PlanAsync(new PlanRequest { App = set.App, Pending = set.Migrations, StartShadow = ShadowAsync });

        Assert.That(plan.Hazards, Is.Empty);
        Assert.That(plan.Diagram.Relationships, Is.EqualTo(new[] { new Relationship("budgets", "auth.users", "user_id", true) }));
    }

    [Test]
    public async Task Non_concurrent_index_on_an_existing_table_takes_a_share_lock()
    {
        var set = Migrations(("20250101000000_budgets.sql", CreateBudgets),
            ("20250102000000_index.sql", "SET search_path TO money_tracker;\nCREATE INDEX IF NOT EXISTS idx ON budgets (user_id);"));

        var plan = await Planner.PlanAsync(new PlanRequest
        {
            App = set.App, Applied = [set.Migrations[0]], Pending = [set.Migrations[1]], StartShadow = ShadowAsync,
        });

        var hazard = plan.Hazards.Single();
        Assert.That((hazard.Kind, hazard.Lock, hazard.Advice), Is.EqualTo((HazardKind.Lock, "SHARE",
            "Use CREATE INDEX CONCURRENTLY in a file marked -- ci-migrate:no-transaction.")));
    }

    [Test]
    public async Task Hand_applied_change_on_the_target_is_drift()
    {
        var set = Migrations(("20250101000000_budgets.sql", CreateBudgets));
        await using var target = await PostgresServer.CreateDatabaseAsync();
        await ApplyAsync(target, set);
        await using var connection = await target.DataSource.OpenConnectionAsync();
        await target.ExecuteAsync("""
            ALTER TABLE money_tracker.budgets ADD COLUMN hotfix text;
            ALTER TABLE money_tracker.budgets ALTER COLUMN note SET NOT NULL;
            """);

        var plan = await Planner.PlanAsync(new PlanRequest
        {
            App = set.App, Environment = "staging", Applied = set.Migrations, Pending = [], StartShadow = ShadowAsync,
            LiveConnection = connection,
        });

        Assert.That(plan.Drift!.Select(CatalogChanges.Describe), Is.EqualTo(new[]
        {
            "altered column money_tracker.budgets.note: nullable null -> not null",
            "added column money_tracker.budgets.hotfix",
        }));
        Assert.That(plan.Verdict.Summary, Is.EqualTo("No pending migrations · 2 drifted objects on staging"));
    }

    [Test]
    public async Task Target_that_matches_its_migrations_has_no_drift()
    {
        var set = Migrations(("20250101000000_budgets.sql", CreateBudgets));
        await using var target = await PostgresServer.CreateDatabaseAsync();
        await ApplyAsync(target, set);
        await using var connection = await target.DataSource.OpenConnectionAsync();

        var plan = await Planner.PlanAsync(new PlanRequest
        {
            App = set.App, Environment = "staging", Applied = set.Migrations, Pending = [], StartShadow = ShadowAsync,
            LiveConnection = connection,
        });

        Assert.That(plan.Drift, Is.Empty);
    }

    [Test]
    public async Task Failing_migration_is_a_hazard_naming_file_line_and_column()
    {
        var set = Migrations(("20250101000000_budgets.sql", CreateBudgets + "\nALTER TABLE budgets ADD COLUMN x nosuchtype;"));

        var plan = await Planner.PlanAsync(new PlanRequest { App = set.App, Pending = set.Migrations, StartShadow = ShadowAsync });

        var hazard = plan.Hazards.Single();
        Assert.That((hazard.Kind, hazard.File, hazard.Line, hazard.Column),
            Is.EqualTo((HazardKind.FailsOnShadow, "migrations/20250101000000_budgets.sql", 3, 34)));
        Assert.That(hazard.Message, Is.EqualTo(
            "migrations/20250101000000_budgets.sql fails on the shadow database, so it would fail on the target too: " +
            "type \"nosuchtype\" does not exist"));
        Assert.That(plan.Changes, Is.Empty);
        Assert.That(plan.Verdict.Level, Is.EqualTo(PlanVerdictLevel.Danger));
    }

    [Test]
    public async Task A_concurrent_index_without_the_marker_replays_on_its_own_applied_or_pending()
    {
        var set = Migrations(
            ("20250101000000_budgets.sql", CreateBudgets),
            ("20250101000001_index.sql", "CREATE INDEX CONCURRENTLY budgets_id ON money_tracker.budgets (id);\n"),
            ("20250101000002_pending_index.sql", "CREATE INDEX CONCURRENTLY budgets_id2 ON money_tracker.budgets (id);\n"));

        var plan = await Planner.PlanAsync(new PlanRequest
        {
            App = set.App, Applied = set.Migrations.Take(2).ToList(), Pending = [set.Migrations[2]], StartShadow = ShadowAsync,
        });

        Assert.That(plan.Hazards.Where(h => h.Kind == HazardKind.FailsOnShadow), Is.Empty);
        Assert.That(plan.Pending.Single().Runs, Is.EqualTo(
            "in 1 segment: CREATE INDEX CONCURRENTLY at line 1 alone, outside a transaction (CREATE INDEX CONCURRENTLY cannot run inside a transaction block)"));
    }

    [Test]
    public async Task A_pending_file_its_text_refuses_is_the_plan_without_starting_a_shadow()
    {
        var set = Migrations(("20250101000000_budgets.sql", CreateBudgets),
            ("20250102000000_commit.sql", "SET search_path TO money_tracker;\nALTER TABLE budgets ADD COLUMN paid boolean;\nCOMMIT;\n"));

        var plan = await Planner.PlanAsync(new PlanRequest
        {
            App = set.App, Applied = [set.Migrations[0]], Pending = [set.Migrations[1]],
            StartShadow = _ => throw new AssertionException("the shadow was started"),
        });

        var hazard = plan.Hazards.Single();
        Assert.That((hazard.Kind, hazard.File, hazard.Line, hazard.Column),
            Is.EqualTo((HazardKind.FailsOnShadow, "migrations/20250102000000_commit.sql", 3, 1)));
        Assert.That(hazard.Message, Does.Contain("'COMMIT' outside a BEGIN ... COMMIT block of the file"));
        Assert.That(plan.Verdict.Level, Is.EqualTo(PlanVerdictLevel.Danger));
    }

    [Test]
    public async Task Nothing_pending_and_no_target_starts_no_shadow()
    {
        var set = Migrations(("20250101000000_budgets.sql", CreateBudgets));

        var plan = await Planner.PlanAsync(new PlanRequest
        {
            App = set.App, Applied = set.Migrations, Pending = [],
            StartShadow = _ => throw new AssertionException("the shadow was started"),
        });

        Assert.That(plan.Verdict.Summary, Is.EqualTo("No pending migrations"));
    }
}
