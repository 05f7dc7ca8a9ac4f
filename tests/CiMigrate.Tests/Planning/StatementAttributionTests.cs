using CiMigrate.Configuration;
using CiMigrate.Migrations;
using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;
using CiMigrate.Reporting;
using CiMigrate.Shadow;
using CiMigrate.Tests.Fixtures;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Planning;

/// <summary>
/// Every change and hazard names the statement that made it, as the shadow's event triggers saw the pending files
/// run: its own line when a file changes the same table twice, the DO block's line for what its dynamic SQL does.
/// </summary>
public sealed class StatementAttributionTests
{
    const string Pending = "migrations/20250102000000_reshape.sql";

    static readonly SourceLinks Links = new("https://github.com", "tower-fleet/ci-migrate", "0123456789abcdef");

    TempDirectory _repo = null!;

    [SetUp]
    public void CreateRepository() => _repo = new TempDirectory();

    [TearDown]
    public void DeleteRepository() => _repo.Dispose();

    async Task<Plan> PlanAsync(string pendingSql)
    {
        _repo.File("migrations/20250101000000_budgets.sql", """
            SET search_path TO money_tracker;
            CREATE TABLE budgets (id uuid PRIMARY KEY, amount numeric(12,2) NOT NULL, note text, category text);
            """);
        _repo.File(Pending, pendingSql);
        var app = new AppSettings("money-tracker", "money_tracker", Path.Combine(_repo.Path, "migrations"));
        var set = MigrationSet.Load(app, _repo.Path);
        return await Planner.PlanAsync(new PlanRequest
        {
            App = app, Applied = [set.Migrations[0]], Pending = [set.Migrations[1]],
            StartShadow = async _ => new ExistingServerShadow((await PostgresServer.GetClusterAsync()).ConnectionString()),
        });
    }

    // The second statement drops a column, the fourth narrows another column of the same table: PostgreSQL reports both
    // as "ALTER TABLE budgets".
    const string DropThenNarrow = """
        SET search_path TO money_tracker;

        ALTER TABLE budgets DROP COLUMN note;
        COMMENT ON TABLE budgets IS 'monthly budgets';
        -- values over a million no longer fit
        ALTER TABLE budgets ALTER COLUMN amount TYPE numeric(8,2);
        """;

    [Test]
    public async Task Each_hazard_names_the_line_of_its_own_statement()
    {
        var plan = await PlanAsync(DropThenNarrow);

        Assert.That(plan.Hazards, Is.Not.Empty);
        Assert.That(plan.Hazards.Where(h => !h.HasLocation).Select(h => h.Message), Is.Empty, "hazards without a statement");
        Assert.That(plan.Hazards.Select(h => h.File).Distinct(), Is.EqualTo(new[] { Pending }));
        Assert.That(plan.Hazards.Where(h => h.Kind == HazardKind.DataLoss).Select(h => (h.Object, h.Line)), Is.EquivalentTo(new[]
        {
            ("money_tracker.budgets.note", 3),
            ("money_tracker.budgets.amount", 6),
        }));
        foreach (var hazard in plan.Hazards)
            Assert.That(hazard.Line, Is.EqualTo(hazard.Message.Contains("note", StringComparison.Ordinal) ? 3 : 6), hazard.Message);
        Assert.That(plan.Hazards.Single(h => h.Kind == HazardKind.Rewrite).Excerpt,
            Is.EqualTo("ALTER TABLE budgets ALTER COLUMN amount TYPE numeric(8,2)"));
    }

    [Test]
    public async Task Each_change_names_the_line_of_its_statement()
    {
        var plan = await PlanAsync(DropThenNarrow);

        Assert.That(plan.Changes.Select(c => (CatalogChanges.Describe(c).Split(':')[0], c.Statement?.File, c.Statement?.Line)),
            Is.EquivalentTo(new[]
            {
                ("removed column money_tracker.budgets.note", Pending, 3),
                ("altered column money_tracker.budgets.amount", Pending, (int?)6),
            }));
    }

    [Test]
    public async Task What_a_do_block_creates_and_drops_is_the_do_blocks()
    {
        var plan = await PlanAsync("""
            SET search_path TO money_tracker;
            -- tables named at run time: no parser can tell what this creates
            DO $$
            BEGIN
                EXECUTE format('CREATE TABLE %I.%I (id int PRIMARY KEY, label text NOT NULL)', 'money_tracker', 'tags');
                EXECUTE 'ALTER TABLE money_tracker.budgets DROP COLUMN note';
            END $$;
            """);

        var tags = plan.Changes.Where(c => c.Table == "tags").ToList();
        Assert.That(tags.Select(c => c.Kind), Is.SupersetOf(new[] { ObjectKind.Table, ObjectKind.Column }));
        Assert.That(tags.Select(c => c.Statement?.Line), Has.All.EqualTo(3));
        Assert.That(plan.Hazards.Where(h => h.Object == "money_tracker.budgets.note").Select(h => (h.Kind, h.File, h.Line)),
            Is.EquivalentTo(new[] { (HazardKind.DataLoss, Pending, 3), (HazardKind.Breaking, Pending, 3) }));
    }

    [Test]
    public async Task A_statement_with_several_hazards_is_listed_once_with_all_of_them()
    {
        var plan = await PlanAsync(DropThenNarrow);
        var narrowing = plan.Hazards.Where(h => h.Line == 6).ToList();
        Assert.That(narrowing.Select(h => h.Kind), Is.SupersetOf(new[] { HazardKind.DataLoss, HazardKind.Rewrite, HazardKind.Breaking }));

        var markdown = PlanMarkdownRenderer.Render(plan, Links);
        var lines = markdown.Split('\n').ToList();
        var link = $"[L6](https://github.com/tower-fleet/ci-migrate/blob/0123456789abcdef/{Pending}#L6)";
        var statements = lines.Select((line, i) => (line, i)).Where(l => l.line.StartsWith("- ", StringComparison.Ordinal) && l.line.Contains(link, StringComparison.Ordinal)).ToList();
        Assert.That(statements, Has.Count.EqualTo(1), markdown);
        Assert.That(statements[0].line, Does.EndWith("`ALTER TABLE budgets ALTER COLUMN amount TYPE numeric(8,2)`"));
        var listed = lines.Skip(statements[0].i + 1).TakeWhile(l => l.StartsWith("  - ", StringComparison.Ordinal)).ToList();
        Assert.That(listed, Has.Count.EqualTo(narrowing.Count));
        foreach (var hazard in narrowing)
            Assert.That(listed, Has.One.Contains($"[{hazard.Rule}]({hazard.DocsUri}): {hazard.Message}"));

        var text = PlanTextRenderer.Render(plan);
        Assert.That(text.Split('\n').Count(l => l.StartsWith($"  {Pending}:6:1", StringComparison.Ordinal)), Is.EqualTo(1), text);
    }

    [Test]
    public async Task The_json_plan_gives_each_change_its_statement()
    {
        var plan = await PlanAsync(DropThenNarrow);

        using var json = System.Text.Json.JsonDocument.Parse(PlanJsonRenderer.Render(plan));

        var changes = json.RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString(), c.GetProperty("file").GetString(), c.GetProperty("line").GetInt32()));
        Assert.That(changes, Is.EquivalentTo(new[] { ("note", Pending, 3), ("amount", Pending, 6) }));
    }
}
