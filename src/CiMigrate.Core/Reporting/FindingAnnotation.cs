using CiMigrate.Diagnostics;

namespace CiMigrate.Reporting;

/// <summary>
/// A finding as a GitHub Actions annotation, <c>::error file=…,line=…,col=…,title=…::message</c>
/// (https://docs.github.com/actions/reference/workflow-commands-for-github-actions#setting-an-error-message), shown on
/// the run page and on the file in a pull request: lint's findings and a run's failures and refusals alike.
/// </summary>
public static class FindingAnnotation
{
    /// <summary>The annotation of <paramref name="finding"/> at its severity; <paramref name="message"/> may span lines.</summary>
    public static string Of(Finding finding, string title, string message) =>
        Command(FindingJson.Label(finding.Severity), finding.File, finding.HasLocation ? finding.Line : null,
            finding.HasLocation ? finding.Column : null, title, message);

    /// <summary>An annotation of any level (<c>error</c>, <c>warning</c>, <c>notice</c>), at a place when one is known.</summary>
    public static string Command(string level, string? file, int? line, int? column, string title, string message)
    {
        var properties = new List<string>();
        if (file is not null)
            properties.Add($"file={WorkflowCommandText.Property(file)}");
        if (file is not null && line is not null)
            properties.Add($"line={line}");
        if (file is not null && line is not null && column is not null)
            properties.Add($"col={column}");
        properties.Add($"title={WorkflowCommandText.Property(title)}");
        return $"::{level} {string.Join(',', properties)}::{WorkflowCommandText.Data(message)}";
    }
}
