using CiMigrate.Configuration;
using CiMigrate.Migrations;
using CiMigrate.Planning;
using CiMigrate.Shadow;
using CiMigrate.Tests.Fixtures;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Planning;

/// <summary>
/// Issue 25, finding 9: a new table without RLS was only a lint row. The plan now asks the shadow which tables the API
/// roles reach with RLS disabled, as Supabase's advisor does, and reports those the pending migrations expose.
/// </summary>
public sealed class ExposedWithoutRlsTests
{
    TempDirectory _repo = null!;

    [SetUp]
    public void CreateRepository() => _repo = new TempDirectory();

    [TearDown]
    public void DeleteRepository() => _repo.Dispose();

    const string Budgets = """
        SET search_path TO money_tracker;
        CREATE TABLE IF NOT EXISTS budgets (id bigint PRIMARY KEY, amount numeric(12,2));
        GRANT ALL ON budgets TO postgres, authenticated, service_role;
        GRANT SELECT ON budgets TO anon;

        """;

    async Task<Plan> PlanAsync(int applied, params string[] files)
    {
        for (var i = 0; i < files.Length; i++)
            _repo.File($"migrations/2025010{i + 1}000000_m{i + 1}.sql", files[i]);
        var set = MigrationSet.Load(new AppSettings("money-tracker", "money_tracker", Path.Combine(_repo.Path, "migrations")), _repo.Path);
        return await Planner.PlanAsync(new PlanRequest
        {
            App = set.App,
            Applied = [.. set.Migrations.Take(applied)],
            Pending = [.. set.Migrations.Skip(applied)],
            StartShadow = async _ => new ExistingServerShadow((await PostgresServer.GetClusterAsync()).ConnectionString()),
        });
    }

    static IEnumerable<Hazard> Exposed(Plan plan) => plan.Hazards.Where(h => h.Kind == HazardKind.ExposedWithoutRls);

    [Test]
    public async Task A_new_table_granted_to_the_api_roles_without_rls_is_a_hazard_that_makes_the_plan_dangerous()
    {
        var plan = await PlanAsync(0, Budgets);

        var hazard = Exposed(plan).Single();
        Assert.That((hazard.Object, hazard.Rule, hazard.IsError), Is.EqualTo(("money_tracker.budgets", "exposed-without-rls", true)));
        // service_role bypasses RLS: it is no exposure RLS could close.
        Assert.That(hazard.Message, Does.StartWith(
            "table money_tracker.budgets is reachable through Supabase's API as anon, authenticated with row level security disabled"));
        Assert.That(plan.Verdict.Level, Is.EqualTo(PlanVerdictLevel.Danger));
        Assert.That(plan.Verdict.Summary, Does.Contain("1 exposed without RLS"));
    }

    [Test]
    public async Task A_new_table_with_rls_or_without_api_grants_is_no_hazard()
    {
        var plan = await PlanAsync(0, Budgets + "ALTER TABLE budgets ENABLE ROW LEVEL SECURITY;\n" +
            "CREATE TABLE IF NOT EXISTS audit (id bigint PRIMARY KEY);\nGRANT ALL ON audit TO service_role;\n");

        Assert.That(Exposed(plan), Is.Empty);
        Assert.That(plan.Hazards.Select(h => h.Rule), Is.Empty);
    }

    [Test]
    public async Task Disabling_rls_on_an_exposed_table_is_a_hazard_and_an_exposure_older_than_the_plan_is_not()
    {
        var plan = await PlanAsync(1,
            Budgets + "ALTER TABLE budgets ENABLE ROW LEVEL SECURITY;\nCREATE TABLE IF NOT EXISTS legacy (id bigint);\nGRANT SELECT ON legacy TO anon;\n",
            "SET search_path TO money_tracker;\nALTER TABLE budgets DISABLE ROW LEVEL SECURITY;\n");

        Assert.That(Exposed(plan).Select(h => h.Object), Is.EqualTo(new[] { "money_tracker.budgets" }));
    }

    [Test]
    public async Task A_grant_through_public_exposes_the_table_to_every_api_role()
    {
        var plan = await PlanAsync(0, "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS notes (id bigint);\nGRANT SELECT ON notes TO PUBLIC;\n");

        Assert.That(Exposed(plan).Single().Message, Does.Contain("as anon, authenticated with"));
    }
}
