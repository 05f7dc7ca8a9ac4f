using System.Text.RegularExpressions;
using CiMigrate.Configuration;
using CiMigrate.Diagnostics;
using CiMigrate.Lint;
using CiMigrate.Migrations;
using CiMigrate.Planning;
using CiMigrate.Reporting;
using CiMigrate.Shadow;
using CiMigrate.Tests.Fixtures;
using CiMigrate.Tests.Lint;

namespace CiMigrate.Tests.Reporting;

/// <summary>
/// The PR comment of the example plans read at a comment's width: no table wider than four columns, no file path in
/// a table cell, and every finding and hazard linked to its docs page and (in a pull request) to its line at the
/// reviewed commit. The pictures of the same plans are docs/images/plan-comment-*.png (build/render-comment.sh).
/// </summary>
sealed partial class PlanCommentShapeTests
{
    static readonly SourceLinks Links = new("https://github.com", "tower-fleet/ci-migrate", "0123456789abcdef", "examples");

    static readonly AppSettings App = new("money-tracker", "money_tracker",
        Path.Combine(TestRepository.Examples, "apps", "money-tracker", "supabase", "migrations"));

    static Plan? _unsafe;
    static Plan? _clean;

    /// <summary>The unsafe example's migration pending on top of the clean ones, with lint's findings, as in a PR.</summary>
    static async Task<Plan> UnsafePlanAsync()
    {
        if (_unsafe is not null)
            return _unsafe;
        var unsafeApp = App with { Migrations = Path.Combine(TestRepository.Examples, "unsafe", "money-tracker") };
        var pending = MigrationSet.Load(unsafeApp, TestRepository.Examples).Migrations;
        var findings = pending.SelectMany(m => LintTestSupport.AllRulesLinter()
            .Lint(new LintFile(m.Up.Path, m.Up.DisplayPath, File.ReadAllText(m.Up.Path), LintFileRole.Up, "money_tracker", null)))
            .ToList();
        return _unsafe = await PlanAsync(MigrationSet.Load(App, TestRepository.Examples).Migrations, pending, findings);
    }

    static async Task<Plan> CleanPlanAsync() =>
        _clean ??= await PlanAsync([], MigrationSet.Load(App, TestRepository.Examples).Migrations, []);

    static async Task<Plan> PlanAsync(IReadOnlyList<Migration> applied, IReadOnlyList<Migration> pending, IReadOnlyList<Finding> findings) =>
        await Planner.PlanAsync(new PlanRequest
        {
            App = App, Environment = applied.Count > 0 ? "staging" : null, Applied = applied, Pending = pending, Findings = findings,
            StartShadow = async _ => new ExistingServerShadow((await PostgresServer.GetClusterAsync()).ConnectionString()),
        });

    [Test]
    public async Task The_unsafe_example_has_hazards_and_findings_to_show()
    {
        var plan = await UnsafePlanAsync();

        Assert.That(plan.Hazards.Select(h => h.Kind).Distinct(), Is.SupersetOf(new[] { HazardKind.DataLoss, HazardKind.Lock, HazardKind.Breaking }));
        Assert.That(plan.Findings, Has.Count.GreaterThan(10));
    }

    [Test]
    public async Task No_table_has_more_than_four_columns_or_a_path_in_a_cell([Values] bool unsafePlan)
    {
        var markdown = PlanMarkdownRenderer.Render(unsafePlan ? await UnsafePlanAsync() : await CleanPlanAsync(), Links);

        var rows = markdown.Split('\n').Where(line => line.StartsWith('|')).ToList();
        Assert.That(rows, Is.Not.Empty);
        Assert.That(rows.Where(row => CellsOf(row).Count > 4), Is.Empty, "rows wider than four columns");
        Assert.That(rows.Where(row => CellsOf(row).Any(cell => cell.Contains("/migrations/", StringComparison.Ordinal))), Is.Empty,
            "file paths in table cells (link targets aside)");
    }

    [Test]
    public async Task Every_finding_and_hazard_links_to_its_docs_page_and_its_line_at_the_head_commit()
    {
        var plan = await UnsafePlanAsync();

        var markdown = PlanMarkdownRenderer.Render(plan, Links);

        foreach (var finding in plan.Findings.Concat(plan.Hazards))
        {
            Assert.That(markdown, Does.Contain($"[{finding.Rule}]({finding.DocsUri})"), finding.Rule);
            if (finding.HasLocation)
            {
                Assert.That(markdown, Does.Contain(
                    $"[L{finding.Line}](https://github.com/tower-fleet/ci-migrate/blob/0123456789abcdef/examples/{finding.File}#L{finding.Line})"),
                    $"{finding.Rule} at {finding.File}:{finding.Line}");
            }
        }

        Assert.That(plan.Hazards.Count(h => h.HasLocation), Is.GreaterThan(0));
    }

    [Test]
    public async Task Without_a_pull_request_only_docs_pages_are_linked()
    {
        var markdown = PlanMarkdownRenderer.Render(await UnsafePlanAsync());

        var targets = LinkTarget().Matches(markdown).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.That(targets, Is.Not.Empty);
        Assert.That(targets, Has.All.StartWith(DocsPages.BaseUri + "docs/"));
        Assert.That(markdown, Does.Contain("`20250301000000` L7"));
    }

    [Test]
    public async Task What_to_do_is_open_when_the_plan_is_dangerous()
    {
        var plan = await UnsafePlanAsync();

        var markdown = PlanMarkdownRenderer.Render(plan, Links);

        Assert.That(PlanVerdict.Of(plan).Level, Is.EqualTo(PlanVerdictLevel.Danger));
        Assert.That(markdown, Does.Contain("<details open><summary>What to do, and all"));
    }

    [Test]
    public async Task Hazards_are_one_row_per_kind_and_object_with_a_count()
    {
        var plan = await UnsafePlanAsync();

        var markdown = PlanMarkdownRenderer.Render(plan, Links);

        var section = markdown[markdown.IndexOf("#### Hazards", StringComparison.Ordinal)..markdown.IndexOf("<details", StringComparison.Ordinal)];
        var rows = section.Split('\n').Where(l => l.StartsWith("| ❌", StringComparison.Ordinal) || l.StartsWith("| ⚠️", StringComparison.Ordinal)).ToList();
        Assert.That(rows, Has.Count.EqualTo(plan.Hazards.Select(h => (h.Kind, h.Object)).Distinct().Count()));
        var locks = plan.Hazards.Count(h => h.Kind == HazardKind.Lock && h.Object == "money_tracker.transactions");
        Assert.That(rows, Has.Some.Contains($"| `money_tracker.transactions` | {locks} |"));
        Assert.That(markdown.IndexOf("#### Hazards", StringComparison.Ordinal),
            Is.LessThan(markdown.IndexOf("#### Lint findings", StringComparison.Ordinal)));
        Assert.That(markdown.Split('\n')[1], Does.StartWith("### ❌ Dangerous: `money-tracker` → `staging`"));
    }

    /// <summary>The cells of a table row, link targets removed (a URL may hold a path; the cell shows none).</summary>
    static List<string> CellsOf(string row)
    {
        var text = LinkTarget().Replace(row, "").Replace("\\|", "", StringComparison.Ordinal);
        return [.. text.Trim().Trim('|').Split('|').Select(c => c.Trim())];
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex LinkTarget();
}
