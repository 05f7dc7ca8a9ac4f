using System.Text.Json;
using CiMigrate.Diagnostics;
using CiMigrate.Execution.Events;

namespace CiMigrate.Reporting;

/// <summary>
/// A run as SARIF 2.1.0 (the shape <see cref="LintSarifRenderer"/> writes): one result per failing migration, failed
/// run, refusal and missing grant, at the file, line and column when known, so code scanning shows what stopped it.
/// </summary>
public static class ExecutionSarifRenderer
{
    sealed record Result(string RuleId, Severity Level, string Message, string? File, int? Line, int? Column);

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

    static IEnumerable<Result> ResultsOf(ExecutionEvent executionEvent) => executionEvent switch
    {
        MigrationFailed f => [new("migration-failed", Severity.Error, string.Join('\n', ExecutionText.FailureLines(f)), f.File, f.Line, f.Column)],
        RunFailed f => [new("run-failed", Severity.Error, f.Message, f.File, null, null)],
        RunRefused r => [new(r.Code.Id, Severity.Error, string.Join('\n', ExecutionText.Lines(r, verbose: false)), r.File, r.Line, r.Column)],
        GrantsChecked { Granted: false } g => g.Missing.Select(m => new Result("missing-grant", Severity.Warning,
            $"{m.Role} lacks {string.Join(", ", m.Privileges)} on {m.ObjectKind} {m.Object} (runbook step 4)", null, null, null)),
        _ => [],
    };

    static void WriteResult(Utf8JsonWriter json, Result result)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", result.RuleId);
        json.WriteString("level", FindingJson.Label(result.Level));
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
            if (result.Line is { } line)
            {
                json.WriteStartObject("region");
                json.WriteNumber("startLine", line);
                json.WriteNumber("startColumn", result.Column ?? 1);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
