using System.Text;
using CiMigrate.Configuration;
using CiMigrate.GitHub;
using CiMigrate.Hosting;
using CiMigrate.Reporting;

namespace CiMigrate.Cli;

/// <summary>
/// A task that works on one app, run without <c>--app</c> in a repository with several: each app in turn, in the
/// order of the settings, as one run. Text output has a heading per app, JSON is one array of the apps' reports, the
/// exit code is the worst of them, and the step outputs are joined (<see cref="ActionOutputs.MergeAsync"/>).
/// </summary>
sealed class EachAppRun(IReadOnlyList<AppSettings> apps, TaskContext context)
{
    /// <summary>
    /// The apps <paramref name="task"/> runs for, when it runs once per app and no app is chosen (<c>--app</c>, the action's
    /// <c>app</c> input); empty when it runs once.
    /// </summary>
    public static IReadOnlyList<AppSettings> AppsToRun(ITask task, TaskContext context) =>
        task.RunsPerApp(context) && context.Workspace.Settings is { App: null, Apps: { Count: > 1 } all } ? all : [];

    public async Task<int> RunAsync(Func<TaskContext, Task<int>> run)
    {
        var json = context.Options.Format == OutputFormat.Json;
        var outputPath = GitHubContext.FromEnvironment(context.Environment, context.Secrets, null) is { IsActions: true, OutputPath: { } path }
            ? path
            : null;
        var reports = new List<string>();
        var outputs = new List<(string App, IReadOnlyDictionary<string, string> Values)>();
        var exitCode = ExitCodes.Ok;
        foreach (var app in apps)
        {
            if (context.Options.Format is OutputFormat.Text or OutputFormat.Github)
                await context.Output.WriteLineAsync($"== {app.Name} ==");
            using var captured = new StringWriter();
            var appOutputs = outputPath is null ? null : Path.GetTempFileName();
            try
            {
                var environment = appOutputs is null
                    ? context.Environment
                    : new Dictionary<string, string?>(context.Environment) { ["GITHUB_OUTPUT"] = appOutputs };
                exitCode = Math.Max(exitCode, await run(context.ForApp(app.Name, json ? captured : context.Output, environment)));
                if (appOutputs is not null)
                    outputs.Add((app.Name, ActionOutputs.Read(appOutputs)));
            }
            finally
            {
                if (appOutputs is not null)
                    File.Delete(appOutputs);
            }

            if (captured.ToString().Trim() is { Length: > 0 } report)
                reports.Add(report);
        }

        if (json)
            await context.Output.WriteLineAsync(new StringBuilder("[\n").AppendJoin(",\n", reports).Append("\n]").ToString());
        await new ActionOutputs(outputPath).MergeAsync(outputs, context.CancellationToken);
        return exitCode;
    }
}
