using System.Text;
using CiMigrate.Diagnostics;
using CiMigrate.Lint;
using CiMigrate.Tests.Reporting;

namespace CiMigrate.Tests.Lint.Rules;

/// <summary>
/// Each error fixture's findings of its rule, whole: place, severity, message, the help a finding brings of its own,
/// and its fix with the lines the fix leaves, compared with <c>fixtures/&lt;rule&gt;/&lt;fixture&gt;.approved.md</c>.
/// </summary>
sealed class RuleFindingApprovalTests
{
    static string FixturesFolder => Path.Combine(TestContext.CurrentContext.TestDirectory, "Lint", "Rules", "fixtures");

    static IEnumerable<TestCaseData> ErrorFixtures() =>
        Directory.EnumerateDirectories(Path.Combine(TestContext.CurrentContext.TestDirectory, "Lint", "Rules", "fixtures"))
            .SelectMany(rule => Directory.EnumerateFileSystemEntries(rule).Select(path => (Rule: Path.GetFileName(rule), Fixture: Path.GetFileName(path))))
            .Where(p => p.Fixture.StartsWith("error", StringComparison.Ordinal) && !p.Fixture.EndsWith(".md", StringComparison.Ordinal))
            .Order()
            .Select(p => new TestCaseData(p.Rule, p.Fixture).SetName($"{{m}}({p.Rule}/{p.Fixture})"));

    [TestCaseSource(nameof(ErrorFixtures))]
    public void Error_fixture_findings_are_the_approved_ones(string rule, string fixture)
    {
        var path = Path.Combine(FixturesFolder, rule, fixture);
        IReadOnlyList<LintFile> files;
        if (Directory.Exists(path))
            files = LintTestSupport.FolderFixture(path);
        else
            files = [LintTestSupport.Fixture(path)];

        var text = new StringBuilder();
        var linter = LintTestSupport.AllRulesLinter();
        var defaultHelp = LintRules.All.Single(r => r.Id == rule).Help;
        foreach (var file in files)
        {
            foreach (var finding in linter.Lint(file).Where(f => f.Rule == rule).OrderBy(f => f.Line).ThenBy(f => f.Column))
                Render(text, file, finding, defaultHelp);
        }

        ApprovedFile.Verify($"fixtures/{rule}/{Path.GetFileNameWithoutExtension(fixture)}", text.ToString());
    }

    static void Render(StringBuilder text, LintFile file, Finding finding, string defaultHelp)
    {
        text.Append($"{file.FileName}:{finding.Line}:{finding.Column} {finding.Severity.ToString().ToLowerInvariant()}: {finding.Message}\n");
        if (finding.Help != defaultHelp)
            text.Append($"  help: {finding.Help}\n");
        if (finding.Fix is not { } fix)
            return;
        text.Append($"  fix: {fix.Description}\n");
        if (fix.MoveTo is not null)
            text.Append($"  moves to: {Path.GetRelativePath(Path.GetDirectoryName(file.Path)!, fix.MoveTo)}\n");
        if (fix.Edits.Count == 0)
            return;
        var edits = fix.Edits.OrderByDescending(e => e.Offset).ToList();
        var fixedText = edits.Aggregate(file.Text, (current, e) => current[..e.Offset] + e.Replacement + current[(e.Offset + e.Length)..]);
        var grown = edits.Sum(e => e.Replacement.Length - e.Length);
        var firstLine = LineOf(fixedText, edits[^1].Offset);
        var lastLine = LineOf(fixedText, edits[0].Offset + grown);
        foreach (var line in fixedText.Split('\n').Skip(firstLine).Take(lastLine - firstLine + 1))
            text.Append($"  | {line}\n");
    }

    static int LineOf(string text, int offset) => text.AsSpan(0, Math.Min(offset, text.Length)).Count('\n');
}
