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
    public static string Render(ExecutionReport report) => SarifLog.Render([.. report.Events.SelectMany(ResultsOf)], report.Succeeded);

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
