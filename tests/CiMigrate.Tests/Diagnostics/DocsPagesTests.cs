using CiMigrate.Diagnostics;
using CiMigrate.Execution;
using CiMigrate.Lint;
using CiMigrate.Planning;
using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.Diagnostics;

/// <summary>Every code a user can meet in a report links to a page that exists and explains it.</summary>
sealed class DocsPagesTests
{
    static IEnumerable<string> RuleIds() => LintRules.All.Select(r => r.Id).Concat(LinterFindings.All.Select(r => r.Id));

    [TestCaseSource(nameof(RuleIds))]
    public void Every_rule_id_has_its_page(string id)
    {
        var page = PageOf(new Finding("f.sql", 1, 1, id, Severity.Error, "m", null));
        Assert.That(page, Does.StartWith($"# {id}\n"));
        Assert.That(page, Does.Contain("## Problem"));
    }

    [TestCaseSource(typeof(HazardCodes), nameof(HazardCodes.All))]
    public void Every_hazard_code_has_its_page_with_problem_why_and_what_to_do(string code)
    {
        var kind = Enum.GetValues<HazardKind>().Single(k => HazardCodes.Of(k) == code);
        var page = PageOf(new Hazard(kind, "app.t", "m"));
        Assert.That(page, Does.StartWith($"# {code}\n"));
        Assert.That(page, Does.Contain("## Problem").And.Contain("## Why it matters").And.Contain("## What to do"));
        Assert.That(page, Does.Contain($"Severity: **{(HazardCodes.SeverityOf(kind) == Severity.Error ? "error" : "warning")}**"));
    }

    static IEnumerable<string> RunStopCodes() =>
        RefusalCodes.All.Select(c => c.Id).Append(RunFinding.MigrationFailedCode).Append(RunFinding.RunFailedCode);

    [TestCaseSource(nameof(RunStopCodes))]
    public void Every_code_a_run_stops_with_has_its_section(string code)
    {
        var finding = new RunFinding(null, 0, 0, code, "m", null);
        var page = PageOf(finding);
        Assert.That(finding.DocsPath, Does.EndWith($"#{code}"));
        Assert.That(page, Does.Contain($"\n## `{code}`\n"));
    }

    [Test]
    public void Hazard_codes_are_distinct_from_rule_ids()
    {
        Assert.That(HazardCodes.All.Intersect(RuleIds()), Is.Empty);
        Assert.That(HazardCodes.All, Is.Unique);
    }

    [Test]
    public void A_finding_links_to_the_page_in_the_repository_on_github_at_the_release_tag()
    {
        var hazard = new Hazard(HazardKind.Lock, "app.t", "m");
        Assert.That(hazard.DocsUri, Is.EqualTo($"https://github.com/tower-fleet/ci-migrate/blob/{DocsPages.ReleaseTag}/docs/hazards/lock.md"));
        var finding = new Finding("f.sql", 3, 1, "require-concurrent-index", Severity.Warning, "m", "h");
        Assert.That(finding.DocsUri, Is.EqualTo($"https://github.com/tower-fleet/ci-migrate/blob/{DocsPages.ReleaseTag}/docs/rules/require-concurrent-index.md"));
    }

    static string PageOf(Finding finding)
    {
        var path = TestRepository.Combine(finding.DocsPath.Split('#')[0].Split('/'));
        Assert.That(File.Exists(path), Is.True, $"{finding.DocsPath} is missing");
        return File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
