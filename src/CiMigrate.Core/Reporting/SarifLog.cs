using System.Text.Json;
using CiMigrate.Diagnostics;

namespace CiMigrate.Reporting;

/// <summary>
/// A SARIF 2.1.0 log of one run of ci-migrate with its results, each a <see cref="Finding"/> at the file, line and
/// column when known: the form of a run's and of <c>status</c>'s findings (lint's adds its rules, <see cref="LintSarifRenderer"/>).
/// </summary>
public static class SarifLog
{
    /// <param name="results">The findings, in order.</param>
    /// <param name="executionSuccessful">Whether the run did what it was asked (its invocation's outcome).</param>
    public static string Render(IReadOnlyList<Finding> results, bool executionSuccessful) => JsonText.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("$schema", LintSarifRenderer.Schema);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "ci-migrate");
        json.WriteString("informationUri", DocsPages.BaseUri);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var result in results)
            WriteResult(json, result);
        json.WriteEndArray();
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", executionSuccessful);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }) + "\n";

    static void WriteResult(Utf8JsonWriter json, Finding result)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", result.Rule);
        json.WriteString("level", FindingJson.Label(result.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", result.Help is null ? result.Message : $"{result.Message}\n{result.Help}");
        json.WriteEndObject();
        if (result.File is not null)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", result.File.Replace('\\', '/'));
            json.WriteString("uriBaseId", "%SRCROOT%");
            json.WriteEndObject();
            if (result.HasLocation)
            {
                json.WriteStartObject("region");
                json.WriteNumber("startLine", result.Line);
                json.WriteNumber("startColumn", result.Column);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
