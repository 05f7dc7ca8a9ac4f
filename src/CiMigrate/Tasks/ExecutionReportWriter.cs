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

    /// <summary>
    /// The log to hand to the session and executor; in text format it prints each event as it comes (a refusal to
    /// standard error, as errors go).
    /// </summary>
    public ExecutionLog CreateLog(bool dryRun = false) => Format == OutputFormat.Text
        ? new ExecutionLog(e =>
        {
            var writer = e is RunRefused ? context.Error : context.Output;
            foreach (var line in ExecutionText.Lines(e, context.Options.Verbose, dryRun))
                writer.WriteLine(line);
        })
        : new ExecutionLog();

    /// <summary>Writes <paramref name="report"/> and returns the run's exit code.</summary>
    public async Task<int> FinishAsync(ExecutionReport report)
    {
        await WriteAsync(report);
        return ExitCode(report);
    }

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

    /// <summary>
    /// The exit code of a finished run: a refusal's (1 for a gate, 2 for a problem in the files, 3 for the database's
    /// state), else 3 when it failed.
    /// </summary>
    public static int ExitCode(ExecutionReport report) =>
        report.Events.OfType<RunRefused>().FirstOrDefault() is { } refused ? RefusalExitCode(refused.Code)
        : report.Succeeded ? ExitCodes.Ok
        : ExitCodes.Execution;

    static int RefusalExitCode(string code) => code switch
    {
        RefusalCodes.TransactionControl or RefusalCodes.NeedsNoTransaction or RefusalCodes.NoTransactionInOneTransaction
            or RefusalCodes.MissingDownFile or RefusalCodes.MissingLocalFile or RefusalCodes.EditedMigration
            or RefusalCodes.OutOfOrder or RefusalCodes.SchemaMismatch => ExitCodes.Usage,
        RefusalCodes.SchemaMissing or RefusalCodes.InvalidIndex or RefusalCodes.LostLedgerRows
            or RefusalCodes.SchemaWithoutHistory => ExitCodes.Execution,
        _ => ExitCodes.Findings,
    };

    static string Summary(ExecutionReport report)
    {
        var head = $"{report.Command}: {report.App} -> {report.Environment} ({report.Target})";
        var applied = report.Events.Count(e => e is MigrationApplied);
        var rolledBack = report.Events.Count(e => e is MigrationRolledBack);
        var baselined = report.Events.Count(e => e is MigrationBaselined);
        if (report.Events.Any(e => e is RunRefused))
            return $"{head}: REFUSED, nothing was applied";
        if (!report.Succeeded)
            return $"{head}: FAILED" + (applied > 0 && !report.DryRun ? $" after applying {applied} migration(s), which stay applied" : "");
        if (report.DryRun)
            return $"{head}: dry run OK, {applied} migration(s) would apply";
        if (rolledBack > 0)
            return $"{head}: rolled back {rolledBack} migration(s)";
        if (baselined > 0)
            return $"{head}: marked {baselined} migration(s) as applied";
        if (report.Events.Any(e => e is ChecksumAccepted or MigrationForgotten or LedgerRowRestored))
            return $"{head}: ledger repaired";
        return applied > 0 ? $"{head}: applied {applied} migration(s)" : $"{head}: nothing to do";
    }
}
