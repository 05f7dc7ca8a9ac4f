using CiMigrate.Execution.Events;

namespace CiMigrate.Reporting;

/// <summary>
/// A run for a GitHub Actions log: each failure and refusal as an <c>::error file=…,line=…,col=…</c> annotation (shown
/// on the run page and on the file in a pull request), missing grants as one warning, then the summary line. The
/// job summary gets <see cref="ExecutionMarkdown"/>; the task writes it.
/// </summary>
public static class ExecutionGithubRenderer
{
    public static IEnumerable<string> Lines(ExecutionReport report)
    {
        foreach (var executionEvent in report.Events)
        {
            if (Annotation(executionEvent) is { } annotation)
                yield return annotation;
        }

        if (ExecutionText.RestoreHint(report) is { } restore)
            yield return restore;
        yield return ExecutionText.Summary(report);
    }

    static string? Annotation(ExecutionEvent executionEvent) => executionEvent switch
    {
        MigrationFailed failed => FindingAnnotation.Of(failed.Finding, $"{failed.Version}_{failed.Name} failed",
            string.Join('\n', ExecutionText.Lines(failed, verbose: false).Skip(1).Prepend(ExecutionText.FailureMessage(failed)))),
        RunFailed failed => FindingAnnotation.Of(failed.Finding, "run failed", failed.Finding.Message),
        RunRefused refused => FindingAnnotation.Of(refused.Finding, $"refused: {refused.Code}",
            string.Join('\n', ExecutionText.Lines(refused, verbose: false).Skip(1).Select(line => line.TrimStart()).Prepend(refused.Finding.Message))),
        GrantsChecked { Missing.Count: > 0 } grants => FindingAnnotation.Command(grants.Granted ? "notice" : "warning", null, null, null,
            grants.Granted ? "granted missing privileges (autoGrant)" : "missing grants (runbook step 4)",
            string.Join('\n', grants.Missing.Select(m => $"{m.Role} lacks {string.Join(", ", m.Privileges)} on {m.ObjectKind} {m.Object}"))),
        SchemaGuardUnavailable guard => FindingAnnotation.Command("warning", null, null, null, "schema guard cannot watch DDL",
            ExecutionText.Lines(guard, verbose: false).First()),
        SchemaGuardRepaired repaired => FindingAnnotation.Command("warning", null, null, null, "schema guard repaired",
            ExecutionText.Lines(repaired, verbose: false).First()),
        _ => null,
    };
}
