using System.Text.RegularExpressions;
using System.Xml.Linq;
using CiMigrate.Diagnostics;
using CiMigrate.Lint;
using CiMigrate.Planning;
using CiMigrate.Reporting;
using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.Reporting;

/// <summary>
/// Every docs link the tool prints, in every format, points at the release tag of the version that prints it (the
/// version <c>src/Directory.Build.props</c> sets), never at <c>main</c>, whose pages may describe another version.
/// </summary>
sealed partial class PrintedLinksTests
{
    static IEnumerable<Finding> EveryRuleFinding() =>
        LintRules.All.Select(RuleDescription.Of).Concat(LinterFindings.All)
            .Select(rule => new Finding("supabase/migrations/20250101000000_a.sql", 1, 1, rule.Id, Severity.Error, "m", rule.Help));

    static Plan EveryHazardPlan() => new()
    {
        App = "money-tracker",
        Schema = "money_tracker",
        Environment = "production",
        PlanHash = "abc",
        Pending = [new PendingMigration("20250101000000", "a", "supabase/migrations/20250101000000_a.sql", "sum", "SELECT 1;")],
        Hazards = [.. Enum.GetValues<HazardKind>().Select(kind => new Hazard(kind, "money_tracker.t", "m") { Advice = "do this" })],
        Findings = [.. EveryRuleFinding()],
        Drift = [],
    };

    static LintReport EveryRuleReport() =>
        new(["supabase/migrations/20250101000000_a.sql"], EveryRuleFinding(),
            [.. LintRules.All.Select(RuleDescription.Of), .. LinterFindings.All]);

    static IEnumerable<TestCaseData> Outputs()
    {
        yield return new TestCaseData("plan markdown", (Func<string>)(() => PlanMarkdownRenderer.Render(EveryHazardPlan())));
        yield return new TestCaseData("plan json", (Func<string>)(() => PlanJsonRenderer.Render(EveryHazardPlan())));
        yield return new TestCaseData("lint markdown", (Func<string>)(() => LintMarkdownRenderer.Render(EveryRuleReport())));
        yield return new TestCaseData("lint json", (Func<string>)(() => Written(w => LintJsonRenderer.Render(EveryRuleReport(), w))));
        yield return new TestCaseData("lint sarif", (Func<string>)(() => Written(w => LintSarifRenderer.Render(EveryRuleReport(), w))));
    }

    [TestCaseSource(nameof(Outputs))]
    public void Every_docs_link_points_at_the_release_tag(string output, Func<string> render)
    {
        var links = RepositoryLink().Matches(render()).Select(m => m.Value).Distinct().ToList();

        Assert.That(links, Is.Not.Empty, output);
        Assert.That(links.Where(link => link.Contains("/main/", StringComparison.Ordinal)), Is.Empty, output);
        Assert.That(links, Has.All.StartWith($"https://github.com/tower-fleet/ci-migrate/blob/v{PropsVersion()}/docs/"), output);
    }

    [Test]
    public void The_release_tag_is_the_version_the_build_sets() =>
        Assert.That(DocsPages.ReleaseTag, Is.EqualTo("v" + PropsVersion()));

    static string PropsVersion() =>
        XDocument.Load(TestRepository.Combine("src", "Directory.Build.props")).Descendants("Version").Single().Value;

    static string Written(Action<TextWriter> render)
    {
        using var writer = new StringWriter();
        render(writer);
        return writer.ToString();
    }

    [GeneratedRegex(@"https://github\.com/tower-fleet/ci-migrate[^\s)""'\]>]*")]
    private static partial Regex RepositoryLink();
}
