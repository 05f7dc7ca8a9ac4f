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
        foreach (var (finding, text) in results)
            FindingSarif.WriteResult(json, finding, text);
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

    /// <summary>Each finding with its result's message: a run's stop says all its text lines (what stays applied, what to do).</summary>
    static IEnumerable<(Finding Finding, string Text)> ResultsOf(ExecutionEvent executionEvent) => executionEvent switch
    {
        RunStop stop => [(stop.Finding, string.Join('\n', ExecutionText.Lines(stop, verbose: false)))],
        GrantsChecked { Granted: false } g => g.Missing.Select(m =>
        {
            var finding = new Finding(null, 0, 0, "missing-grant", Severity.Warning,
                $"{m.Role} lacks {string.Join(", ", m.Privileges)} on {m.ObjectKind} {m.Object} (runbook step 4)", null);
            return (finding, finding.Message);
        }),
        _ => [],
    };
}
