using System.Text.Json;
using CiMigrate.Diagnostics;
using CiMigrate.Execution.Events;

namespace CiMigrate.Reporting;

/// <summary>
/// A run as SARIF 2.1.0 (the shape <see cref="LintSarifRenderer"/> writes): one result per failing migration, failed
/// run, refusal and missing grant, each a <see cref="Finding"/> at the file, line and column when known, so code
/// scanning shows what stopped it.
/// </summary>
public static class ExecutionSarifRenderer
{

    public static string Render(ExecutionReport report) => JsonText.Write(json =>
    {
        var results = report.Events.SelectMany(ResultsOf).ToList();
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
        json.WriteBoolean("executionSuccessful", report.Succeeded);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }) + "\n";

    static IEnumerable<Finding> ResultsOf(ExecutionEvent executionEvent) => executionEvent switch
    {
        MigrationFailed f => [new(f.File, f.Line, f.Column, "migration-failed", Severity.Error, string.Join('\n', ExecutionText.FailureLines(f)), null)],
        RunFailed f => [new(f.File, 0, 0, "run-failed", Severity.Error, f.Message, null)],
        RunRefused r => [new(r.File, r.Line ?? 0, r.Column ?? 1, r.Code.Id, Severity.Error,
            string.Join('\n', ExecutionText.Lines(r, verbose: false)), null)],
        GrantsChecked { Granted: false } g => g.Missing.Select(m => new Finding(null, 0, 0, "missing-grant", Severity.Warning,
            $"{m.Role} lacks {string.Join(", ", m.Privileges)} on {m.ObjectKind} {m.Object} (runbook step 4)", null)),
        _ => [],
    };

    static void WriteResult(Utf8JsonWriter json, Finding result)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", result.Rule);
        json.WriteString("level", FindingJson.Label(result.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", result.Message);
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
