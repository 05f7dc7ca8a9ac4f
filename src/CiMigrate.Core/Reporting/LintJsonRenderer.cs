using System.Text.Json;
using CiMigrate.Lint;

namespace CiMigrate.Reporting;

/// <summary><c>{"files": N, "findings": [{"file", "line", "column", "rule", "severity", "message", "help", "docs"}]}</c>.</summary>
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
                FindingJson.WriteFields(json, finding);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }));
    }
}
