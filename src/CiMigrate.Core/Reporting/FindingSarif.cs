using System.Text.Json;
using CiMigrate.Diagnostics;

namespace CiMigrate.Reporting;

/// <summary>
/// A finding as a SARIF 2.1.0 result: its rule, level, message, and its file with the line and column when known; the
/// same for lint's findings and a run's failures and refusals.
/// </summary>
static class FindingSarif
{
    /// <param name="json">The writer, inside the run's <c>results</c> array.</param>
    /// <param name="finding">The finding.</param>
    /// <param name="text">The result's message, which may say more than the finding's.</param>
    /// <param name="ruleIndex">Its rule's index in the driver's <c>rules</c>, when the run lists them.</param>
    public static void WriteResult(Utf8JsonWriter json, Finding finding, string text, int? ruleIndex = null)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Rule);
        if (ruleIndex is { } index)
            json.WriteNumber("ruleIndex", index);
        json.WriteString("level", FindingJson.Label(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", text);
        json.WriteEndObject();
        if (finding.File is not null)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", finding.File.Replace('\\', '/'));
            json.WriteString("uriBaseId", "%SRCROOT%");
            json.WriteEndObject();
            if (finding.HasLocation)
            {
                json.WriteStartObject("region");
                json.WriteNumber("startLine", finding.Line);
                json.WriteNumber("startColumn", finding.Column);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
