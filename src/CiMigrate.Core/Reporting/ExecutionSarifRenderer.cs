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
}
