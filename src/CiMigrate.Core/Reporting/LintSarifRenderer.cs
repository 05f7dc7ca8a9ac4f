using System.Text.Json;
using CiMigrate.Configuration;
using CiMigrate.Diagnostics;
using CiMigrate.Lint;

namespace CiMigrate.Reporting;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html): one
/// run, every rule described with its help and docs page, one result per finding.
/// </summary>
public static class LintSarifRenderer
{
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Render(LintReport report, TextWriter output)
    {
        output.WriteLine(JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", Schema);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, report.Rules);
            WriteResults(json, report);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }));
    }

    static void WriteTool(Utf8JsonWriter json, IReadOnlyList<RuleDescription> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "ci-migrate");
        json.WriteString("informationUri", DocsPages.Uri(DocsPages.RulesFolder));
        json.WriteString("version", typeof(LintSarifRenderer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", rule.Id);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Summary);
            json.WriteEndObject();
            json.WriteStartObject("help");
            json.WriteString("text", rule.Help);
            json.WriteEndObject();
            json.WriteString("helpUri", rule.HelpUri);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", rule.Category.ToString());
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    static void WriteResults(Utf8JsonWriter json, LintReport report)
    {
        var index = report.Rules.Select((rule, i) => (rule.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        json.WriteStartArray("results");
        foreach (var finding in report.Findings)
        {
            FindingSarif.WriteResult(json, finding, $"{finding.Message} {finding.Help}",
                index.TryGetValue(finding.Rule, out var ruleIndex) ? ruleIndex : null);
        }

        json.WriteEndArray();
    }

    static string Level(LintSeverity severity) => severity switch
    {
        LintSeverity.Error => "error",
        LintSeverity.Warning => "warning",
        _ => "none",
    };
}
