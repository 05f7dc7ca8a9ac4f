using CiMigrate.Diagnostics;
using CiMigrate.Lint;

using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.Lint.Rules;

/// <summary>
/// Each rule's fixtures in <c>fixtures/&lt;rule-id&gt;/</c>: an <c>ok*.sql</c> gets no finding of the rule; an
/// <c>error*.sql</c> gets one on exactly each line that follows a <c>-- expect</c> marker. File rules have
/// <c>ok*/</c> and <c>error*/</c> folders holding a <c>migrations</c> folder (or apps' folders) instead.
/// </summary>
sealed class RuleFixtureTests
{
    const string ExpectMarker = "-- expect";

    static string FixturesFolder => Path.Combine(TestContext.CurrentContext.TestDirectory, "Lint", "Rules", "fixtures");

    static IEnumerable<TestCaseData> SqlFixtures() =>
        Directory.EnumerateFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "Lint", "Rules", "fixtures"), "*.sql", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(Path.GetFileName(Path.GetDirectoryName(path)!), Path.GetFileName(path))
                .SetName($"{{m}}({Path.GetFileName(Path.GetDirectoryName(path)!)}/{Path.GetFileName(path)})"));

    static IEnumerable<TestCaseData> FolderFixtures() =>
        Directory.EnumerateDirectories(Path.Combine(TestContext.CurrentContext.TestDirectory, "Lint", "Rules", "fixtures"))
            .SelectMany(rule => Directory.EnumerateDirectories(rule).Select(fixture => (Rule: Path.GetFileName(rule), Fixture: Path.GetFileName(fixture))))
            .Order()
            .Select(p => new TestCaseData(p.Rule, p.Fixture).SetName($"{{m}}({p.Rule}/{p.Fixture})"));

    [TestCaseSource(nameof(SqlFixtures))]
    public void Sql_fixture_gets_findings_exactly_on_the_marked_lines(string rule, string fixture)
    {
        var path = Path.Combine(FixturesFolder, rule, fixture);
        var text = File.ReadAllText(path);
        var expected = text.Split('\n').Select((line, i) => (line, i))
            .Where(p => p.line.TrimStart().StartsWith(ExpectMarker, StringComparison.Ordinal))
            .Select(p => p.i + 2)
            .ToList();
        var isError = fixture.StartsWith("error", StringComparison.Ordinal);
        Assert.That(expected, isError ? Is.Not.Empty : Is.Empty, "error fixtures mark their findings with -- expect; ok fixtures have none");

        var file = LintTestSupport.Fixture(path);
        var all = LintTestSupport.AllRulesLinter().Lint(file);
        var findings = all.Where(f => f.Rule == rule).ToList();

        AssertReadable(all);
        Assert.That(findings.Select(f => f.Line).Distinct().Order(), Is.EqualTo(expected),
            string.Join(Environment.NewLine, findings.Select(f => $"{f.Line}:{f.Column} {f.Message}")));
    }

    [TestCaseSource(nameof(FolderFixtures))]
    public void File_rule_fixture_reports_only_in_error_folders(string rule, string fixture)
    {
        var files = LintTestSupport.FolderFixture(Path.Combine(FixturesFolder, rule, fixture));
        var all = LintTestSupport.AllRulesLinter().Lint(files).Findings;
        var findings = all.Where(f => f.Rule == rule).ToList();

        Assert.That(files, Is.Not.Empty);
        AssertReadable(all);
        if (fixture.StartsWith("error", StringComparison.Ordinal))
            Assert.That(findings, Is.Not.Empty);
        else
            Assert.That(findings.Select(f => f.Message), Is.Empty);
    }

    /// <summary>
    /// A fixture the lexer or parser cannot read gets no rule's findings at all, so an ok fixture would pass whatever
    /// the rule does: every fixture must be SQL ci-migrate reads.
    /// </summary>
    static void AssertReadable(IEnumerable<Finding> findings) =>
        Assert.That(findings.Where(f => f.Rule == LinterFindings.SyntaxError.Id || f.Rule == LinterFindings.InternalError.Id)
            .Select(f => $"{f.File}:{f.Line}:{f.Column} {f.Rule}: {f.Message}"), Is.Empty, "the fixture must lex and parse");

    [Test]
    public void Every_rule_has_ok_and_error_fixtures()
    {
        foreach (var rule in LintRules.All)
        {
            var folder = Path.Combine(FixturesFolder, rule.Id);
            var names = Directory.Exists(folder)
                ? Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).OfType<string>().ToList()
                : [];
            Assert.That(names, Has.Some.StartsWith("ok").And.Some.StartsWith("error"), rule.Id);
        }
    }

    [Test]
    public void Every_rule_and_linter_finding_has_a_docs_page()
    {
        var docs = Path.Combine(TestRepository.Root, "docs", "rules");
        var ids = LintRules.All.Select(r => r.Id).Concat(LinterFindings.All.Select(r => r.Id));
        Assert.That(ids.Where(id => !File.Exists(Path.Combine(docs, $"{id}.md"))), Is.Empty);
    }

    [Test]
    public void Docs_pages_state_the_default_severity_the_code_has()
    {
        var docs = Path.Combine(TestRepository.Root, "docs", "rules");
        var wrong = LintRules.All.Select(RuleDescription.Of).Concat(LinterFindings.All)
            .Where(rule => !File.ReadAllText(Path.Combine(docs, $"{rule.Id}.md"))
                .Contains($"Default severity: **{rule.DefaultSeverity.ToString().ToLowerInvariant()}**", StringComparison.Ordinal))
            .Select(rule => rule.Id);
        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void Rule_ids_are_unique_kebab_case()
    {
        var ids = LintRules.All.Select(r => r.Id).Concat(LinterFindings.All.Select(r => r.Id)).ToList();
        Assert.That(ids, Is.Unique);
        Assert.That(ids, Has.All.Matches(@"^[a-z]+(-[a-z]+)*$"));
    }
}
