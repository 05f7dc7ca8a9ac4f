using System.Text.Json;
using CiMigrate.Diagnostics;

namespace CiMigrate.Reporting;

/// <summary>
/// A finding's fields in JSON, the same in lint's and the plan's output: <c>file</c>, <c>line</c>, <c>column</c>
/// (null when unknown), <c>rule</c>, <c>severity</c>, <c>message</c>, <c>help</c>, <c>docs</c>.
/// </summary>
static class FindingJson
{
    public static void WriteFields(Utf8JsonWriter json, Finding finding)
    {
        WriteLocation(json, finding);
        json.WriteString("rule", finding.Rule);
        json.WriteString("severity", Label(finding.Severity));
        json.WriteString("message", finding.Message);
        json.WriteString("help", finding.Help);
        json.WriteString("docs", finding.DocsUri);
    }

    public static void WriteLocation(Utf8JsonWriter json, Finding finding)
    {
        json.WriteString("file", finding.File);
        WriteNumber(json, "line", finding.HasLocation ? finding.Line : null);
        WriteNumber(json, "column", finding.HasLocation ? finding.Column : null);
    }

    /// <summary><c>error</c> or <c>warning</c>, as every format spells it.</summary>
    public static string Label(Severity severity) => severity == Severity.Error ? "error" : "warning";

    /// <summary>A number, or null when unknown.</summary>
    public static void WriteNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
            json.WriteNumber(name, number);
        else
            json.WriteNull(name);
    }
}
