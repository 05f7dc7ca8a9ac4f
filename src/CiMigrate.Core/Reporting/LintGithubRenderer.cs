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
            output.WriteLine($"::{command} file={Property(finding.File ?? "")},line={finding.Line},col={finding.Column},title={Property(finding.Rule)}::{Data(finding.Message)}");
        }

        output.WriteLine(LintTextRenderer.Summary(report));
    }

    /// <summary>The message part: %, CR and LF are escaped so one finding stays one command.</summary>
    public static string Data(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>A property value: also ':' and ',' escaped, which would end it.</summary>
    public static string Property(string value) =>
        Data(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
