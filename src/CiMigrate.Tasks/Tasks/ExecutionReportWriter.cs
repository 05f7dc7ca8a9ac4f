using System.Text.Json;
using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.GitHub;
using CiMigrate.Hosting;
using CiMigrate.Reporting;

namespace CiMigrate.Tasks;

/// <summary>
/// Writes a run in the chosen format (the renderers in Reporting/ say how): text line by line as events happen (a
/// long migration shows progress); JSON, markdown, GitHub annotations and SARIF once at the end from the whole
/// <see cref="ExecutionReport"/>. With <c>--format github</c> the job summary gets the markdown too.
/// </summary>
sealed class ExecutionReportWriter(TaskContext context)
{
    readonly StepProgress _progress = new(context.Error, context.Options.Verbose);

    OutputFormat Format => context.Options.Format;

    TextColors Colors => TextColors.For(context.Terminal, context.Environment);

    /// <summary>
    /// The log to hand to the session and executor: in text format it prints each event as it comes (in a dry run,
    /// what ran "would apply"); in the others, whose report comes at the end, slow steps show on standard error
    /// (<see cref="StepProgress"/>).
    /// </summary>
    public ExecutionLog CreateLog(bool dryRun = false) => Format == OutputFormat.Text
        ? new ExecutionLog(e =>
        {
            // A refusal goes to standard error, as errors go.
            var writer = e is RunRefused ? context.Error : context.Output;
            foreach (var line in ExecutionText.Lines(e, context.Options.Verbose, dryRun))
                writer.WriteLine(e is RunStop ? Colors.Error(line) : line);
        })
        : new ExecutionLog(e =>
        {
            if (ProgressText.Of(e) is { } line)
                _progress.Step(line);
            else if (e is LockAcquired or MigrationApplied or MigrationFailed or MigrationRolledBack)
                _progress.End();
        });

    /// <summary>Writes <paramref name="report"/> and returns the run's exit code.</summary>
    public async Task<int> FinishAsync(ExecutionReport report)
    {
        await WriteAsync(report);
        return ExitCode(report);
    }

    public async Task WriteAsync(ExecutionReport report)
    {
        _progress.Dispose();
        switch (Format)
        {
            case OutputFormat.Json:
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(report, ReportJsonContext.Default.ExecutionReport));
                break;
            case OutputFormat.Markdown:
                await context.Output.WriteAsync(ExecutionMarkdown.Render(report));
                break;
            case OutputFormat.Github:
                foreach (var line in ExecutionGithubRenderer.Lines(report))
                    await context.Output.WriteLineAsync(line);
                await GitHubIntegration.From(context).Summary.AppendAsync(ExecutionMarkdown.Render(report), context.CancellationToken);
                break;
            case OutputFormat.Sarif:
                await context.Output.WriteAsync(ExecutionSarifRenderer.Render(report));
                break;
            default:
                if (ExecutionText.RestoreHint(report) is { } restore)
                    await context.Output.WriteLineAsync(restore);
                var summary = ExecutionText.Summary(report);
                await context.Output.WriteLineAsync(report.Succeeded ? Colors.Ok(summary) : Colors.Error(summary));
                break;
        }
    }

    /// <summary>The exit code of a finished run: its first refusal's (<see cref="RefusalCode.ExitCode"/>), else 3 when it failed.</summary>
    public static int ExitCode(ExecutionReport report) =>
        report.Events.OfType<RunRefused>().FirstOrDefault() is { } refused ? refused.Code.ExitCode
        : report.Succeeded ? ExitCodes.Ok
        : ExitCodes.Execution;
}
