using System.Text.Json;
using CiMigrate.Lint;

namespace CiMigrate.Reporting;

/// <summary><c>{"files": N, "findings": [{"file", "line", "column", "rule", "severity", "message", "help"}]}</c>.</summary>
public static class LintJsonRenderer
{
    public static void Render(LintReport report, TextWriter output)
    {
        output.WriteLine(JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("files", report.Files.Count);
            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("file", finding.File);
                json.WriteNumber("line", finding.Line);
                json.WriteNumber("column", finding.Column);
                json.WriteString("rule", finding.Rule);
                json.WriteString("severity", finding.IsError ? "error" : "warning");
                json.WriteString("message", finding.Message);
                json.WriteString("help", finding.Help);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }));
    }
}
