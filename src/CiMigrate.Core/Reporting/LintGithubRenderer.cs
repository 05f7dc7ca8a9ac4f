using CiMigrate.Lint;

namespace CiMigrate.Reporting;

/// <summary>
/// GitHub workflow commands, so findings show inline in the pull request diff:
/// <c>::error file=...,line=...,col=...,title=&lt;rule&gt;::message</c> (<see cref="FindingAnnotation"/>).
/// </summary>
public static class LintGithubRenderer
{
    public static void Render(LintReport report, TextWriter output)
    {
        foreach (var finding in report.Findings)
            output.WriteLine(FindingAnnotation.Of(finding, finding.Rule, finding.Message));

        output.WriteLine(LintTextRenderer.Summary(report));
    }
}
