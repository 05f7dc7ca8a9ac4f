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
        MigrationFailed failed => WorkflowCommandText.Annotation("error", failed.File, failed.Line, failed.Column, $"{failed.Version}_{failed.Name} failed",
            string.Join('\n', ExecutionText.FailureLines(failed).Skip(1).Prepend(failed.Message +
                (failed.SqlState is null ? "" : $" (SQLSTATE {failed.SqlState})")))),
        RunFailed failed => WorkflowCommandText.Annotation("error", failed.File, null, null, "run failed", failed.Message),
        RunRefused refused => WorkflowCommandText.Annotation("error", refused.File, refused.Line, refused.Column, $"refused: {refused.Code}",
            refused.Help is null ? $"{refused.Message}\nNothing was applied." : $"{refused.Message}\n{refused.Help}\nNothing was applied."),
        GrantsChecked { Missing.Count: > 0 } grants => WorkflowCommandText.Annotation(grants.Granted ? "notice" : "warning", null, null, null,
            grants.Granted ? "granted missing privileges (autoGrant)" : "missing grants (runbook step 4)",
            string.Join('\n', grants.Missing.Select(m => $"{m.Role} lacks {string.Join(", ", m.Privileges)} on {m.ObjectKind} {m.Object}"))),
        SchemaGuardUnavailable guard => WorkflowCommandText.Annotation("warning", null, null, null, "schema guard cannot watch DDL",
            ExecutionText.Lines(guard, verbose: false).First()),
        SchemaGuardRepaired repaired => WorkflowCommandText.Annotation("warning", null, null, null, "schema guard repaired",
            ExecutionText.Lines(repaired, verbose: false).First()),
        _ => null,
    };
}
