using System.Text.Json;
using CiMigrate.Cli;
using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.Hosting;

namespace CiMigrate.Tasks;

/// <summary>
/// Renders a run for its format: text line by line as events happen (a long migration shows progress), JSON and
/// markdown once at the end from the whole <see cref="ExecutionReport"/>.
/// </summary>
sealed class ExecutionReportWriter(TaskContext context)
{
    OutputFormat Format => context.Options.Format;

    /// <summary>The log to hand to the session and executor; in text format it prints each event as it comes.</summary>
    public ExecutionLog CreateLog() => Format == OutputFormat.Text
        ? new ExecutionLog(e =>
        {
            foreach (var line in ExecutionText.Lines(e, context.Options.Verbose))
                context.Output.WriteLine(line);
        })
        : new ExecutionLog();

    public async Task WriteAsync(ExecutionReport report)
    {
        switch (Format)
        {
            case OutputFormat.Json:
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(report, ReportJsonContext.Default.ExecutionReport));
                break;
            case OutputFormat.Markdown:
                await context.Output.WriteAsync(ExecutionMarkdown.Render(report));
                break;
            default:
                await context.Output.WriteLineAsync(Summary(report));
                if (!report.Succeeded && report.Events.OfType<BackupWritten>().FirstOrDefault() is { } backup)
                    await context.Output.WriteLineAsync($"To restore the backup taken before this run: {backup.RestoreCommand}");
                break;
        }
    }

    /// <summary>The exit code of a finished run.</summary>
    public static int ExitCode(ExecutionReport report) => report.Succeeded ? ExitCodes.Ok : ExitCodes.Execution;

    static string Summary(ExecutionReport report)
    {
        var head = $"{report.Command}: {report.App} -> {report.Environment} ({report.Target})";
        var applied = report.Events.Count(e => e is MigrationApplied);
        var rolledBack = report.Events.Count(e => e is MigrationRolledBack);
        var baselined = report.Events.Count(e => e is MigrationBaselined);
        if (!report.Succeeded)
            return $"{head}: FAILED" + (applied > 0 && !report.DryRun ? $" after applying {applied} migration(s), which stay applied" : "");
        if (report.DryRun)
            return $"{head}: dry run OK, {applied} migration(s) would apply";
        if (rolledBack > 0)
            return $"{head}: rolled back {rolledBack} migration(s)";
        if (baselined > 0)
            return $"{head}: marked {baselined} migration(s) as applied";
        if (report.Events.Any(e => e is ChecksumAccepted or MigrationForgotten))
            return $"{head}: ledger repaired";
        return applied > 0 ? $"{head}: applied {applied} migration(s)" : $"{head}: nothing to do";
    }
}
