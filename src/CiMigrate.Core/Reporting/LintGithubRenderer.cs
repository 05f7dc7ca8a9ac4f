using CiMigrate.Lint;

namespace CiMigrate.Reporting;

/// <summary>
/// GitHub workflow commands, so findings show inline in the pull request diff:
/// <c>::error file=...,line=...,col=...,title=&lt;rule&gt;::message</c>
/// (https://docs.github.com/actions/reference/workflow-commands-for-github-actions#setting-an-error-message).
/// </summary>
public static class LintGithubRenderer
{
    public static void Render(LintReport report, TextWriter output)
    {
        foreach (var finding in report.Findings)
        {
            var command = finding.IsError ? "error" : "warning";
            output.WriteLine($"::{command} file={WorkflowCommandText.Property(finding.File ?? "")},line={finding.Line},col={finding.Column},title={WorkflowCommandText.Property(finding.Rule)}::{WorkflowCommandText.Data(finding.Message)}");
        }

        output.WriteLine(LintTextRenderer.Summary(report));
    }
}
