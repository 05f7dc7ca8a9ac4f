using System.Text;
using CiMigrate.Execution.Events;

namespace CiMigrate.Reporting;

/// <summary>A run as markdown for a job summary: a table of migrations and the failure, rendered from the report.</summary>
public static class ExecutionMarkdown
{
    public static string Render(ExecutionReport report)
    {
        var text = new StringBuilder();
        var verdict = report.Events.OfType<RunRefused>().Any() ? "refused, nothing was applied" : !report.Succeeded ? "failed" : report.DryRun ? "dry run OK (rolled back)" : "succeeded";
        text.Append($"### ci-migrate {report.Command}: `{report.App}` → `{report.Environment}`: {verdict}\n\n");
        var rows = report.Events.Select(Row).OfType<string>().ToList();
        if (rows.Count > 0)
        {
            text.Append("| migration | result | duration |\n| --- | --- | --- |\n");
            foreach (var row in rows)
                text.Append(row).Append('\n');
            text.Append('\n');
        }
        else
        {
            text.Append(report.Succeeded ? "Nothing to do.\n\n" : "No migration ran.\n\n");
        }

        foreach (var failure in report.Events.OfType<RunStop>())
        {
            text.Append("```text\n");
            foreach (var line in ExecutionText.Lines(failure, verbose: false))
                text.Append(line).Append('\n');
            text.Append("```\n\n");
        }

        if (report.Events.OfType<SchemaGuardUnavailable>().FirstOrDefault() is { } guard)
            text.Append($"> [!WARNING]\n> {ExecutionText.Lines(guard, verbose: false).First()}\n\n");
        if (report.Events.OfType<SchemaGuardRepaired>().FirstOrDefault() is { } repaired)
            text.Append($"> [!WARNING]\n> {ExecutionText.Lines(repaired, verbose: false).First()}\n\n");
        if (report.Events.OfType<BackupWritten>().FirstOrDefault() is { } backup)
            text.Append($"Backup: `{backup.Path}`; restore with `{backup.RestoreCommand}`\n\n");
        if (report.Events.OfType<BackupNotNeeded>().FirstOrDefault() is { } first)
            text.Append($"Backup: none taken; schema `{first.Schema}` did not exist before this run.\n\n");
        if (report.Events.OfType<PostgrestRestarted>().FirstOrDefault() is { } restarted)
            text.Append($"PostgREST restarted: deployment `{restarted.Namespace}/{restarted.Deployment}` rolled out.\n\n");
        if (report.Events.OfType<GrantsChecked>().FirstOrDefault() is { Missing.Count: > 0 } grants)
        {
            text.Append(grants.Granted ? "Granted (autoGrant):\n" : "Missing grants (runbook step 4):\n");
            foreach (var missing in grants.Missing)
                text.Append($"- `{missing.Role}` lacks {string.Join(", ", missing.Privileges)} on {missing.ObjectKind} `{missing.Object}`\n");
            text.Append('\n');
        }

        return text.ToString();
    }

    static string? Row(ExecutionEvent executionEvent) => executionEvent switch
    {
        MigrationApplied a => $"| `{a.Version}_{a.Name}` | applied | {ExecutionText.Milliseconds(a.Duration)} |",
        MigrationRolledBack r => $"| `{r.Version}_{r.Name}` | rolled back | {ExecutionText.Milliseconds(r.Duration)} |",
        MigrationFailed f => $"| `{f.Version}_{f.Name}` | **failed** at `{FindingText.Location(f.Finding)}` | |",
        MigrationSkipped s => $"| `{s.Version}_{s.Name}` | not applied: {s.Reason} | |",
        MigrationBaselined b => $"| `{b.Version}_{b.Name}` | baselined | |",
        MigrationResumed r => $"| `{r.Version}_{r.Name}` | resumed at segment {r.FromSegment} of {r.Segments} (the earlier ones committed before) | |",
        PartialSettled p => $"| `{p.Version}_{p.Name}` | partly applied ({p.SegmentsCommitted} of {p.Segments} segments), marked " +
            $"{(p.AsApplied ? "applied" : "not applied")}: {Markdown.Cell(p.Reason)} | |",
        _ => null,
    };
}
