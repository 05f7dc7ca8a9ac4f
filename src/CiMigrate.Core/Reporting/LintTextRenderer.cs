using CiMigrate.Lint;

namespace CiMigrate.Reporting;

/// <summary>
/// The console report: <c>file:line:col: severity[rule] message</c>, the help line and the statement excerpt,
/// then one summary line.
/// </summary>
public static class LintTextRenderer
{
    public static void Render(LintReport report, TextWriter output, TextColors? colors = null)
    {
        colors ??= TextColors.None;
        foreach (var finding in report.Findings)
        {
            var severity = finding.IsError ? colors.Error("error") : colors.Warning("warning");
            output.WriteLine(FindingText.Heading(finding, $"{severity}[{finding.Rule}]"));
            output.WriteLine($"  help: {finding.Help}");
            if (finding.Excerpt is { } excerpt)
                output.WriteLine($"   | {excerpt}");
        }

        if (report.Findings.Count > 0)
            output.WriteLine();
        output.WriteLine(Summary(report));
    }

    /// <summary><c>3 files linted: 1 error, 2 warnings</c>.</summary>
    public static string Summary(LintReport report) =>
        $"{Count(report.Files.Count, "file")} linted: {Count(report.ErrorCount, "error")}, {Count(report.WarningCount, "warning")}";

    public static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
