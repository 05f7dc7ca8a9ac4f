using System.Text;
using CiMigrate.Lint;

namespace CiMigrate.Reporting;

/// <summary>
/// The lint section of the pull request comment, rendered from the report (never from console text). Its
/// header is stable (<see cref="Heading"/>) and it is capped: past <c>maxFindings</c> rows it says how many more
/// there are, so the comment stays under GitHub's size limit.
/// </summary>
public static class LintMarkdownRenderer
{
    public const string Heading = "### Lint";
    public const int DefaultMaxFindings = 50;

    /// <summary>The markdown section for <paramref name="report"/>; the diff task embeds it in its comment.</summary>
    public static string Render(LintReport report, int maxFindings = DefaultMaxFindings)
    {
        var text = new StringBuilder();
        var verdict = report.HasErrors ? "❌" : report.Findings.Count > 0 ? "⚠️" : "✅";
        text.Append(Heading).Append(' ').Append(verdict).Append(' ').AppendLine(LintTextRenderer.Summary(report));
        text.AppendLine();
        if (report.Findings.Count == 0)
        {
            text.AppendLine("No findings.");
            return text.ToString();
        }

        text.AppendLine("| | Rule | Where | Finding |");
        text.AppendLine("| --- | --- | --- | --- |");
        foreach (var finding in report.Findings.Take(maxFindings))
        {
            var description = report.Rules.FirstOrDefault(r => r.Id == finding.Rule);
            var rule = description is null ? $"`{finding.Rule}`" : $"[`{finding.Rule}`]({finding.DocsUri})";
            text.Append("| ").Append(finding.IsError ? "❌" : "⚠️")
                .Append(" | ").Append(rule)
                .Append(" | `").Append(Cell(finding.File ?? "")).Append(':').Append(finding.Line).Append(':').Append(finding.Column).Append('`')
                .Append(" | ").Append(Cell(finding.Message)).Append("<br>").Append(Cell(finding.Help ?? ""))
                .AppendLine(" |");
        }

        if (report.Findings.Count > maxFindings)
        {
            text.AppendLine();
            text.AppendLine($"… and {report.Findings.Count - maxFindings} more. Run `ci-migrate lint` locally for all of them.");
        }

        return text.ToString();
    }

    /// <summary>Text safe inside a table cell: pipes escaped, lines joined.</summary>
    static string Cell(string value) =>
        value.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
