using System.CommandLine;
using System.Text.Json;
using CiMigrate.Cli;
using CiMigrate.Configuration;
using CiMigrate.GitHub;
using CiMigrate.Hosting;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>ci-migrate apps</c>: the apps of the repository as a JSON array, for a workflow's <c>strategy.matrix</c>
/// (<c>fromJSON</c>); <c>--paths</c> the folders a workflow's path filters and cache keys must cover;
/// <c>--check-workflow</c> whether a workflow file covers them. Reads only the settings: no lint, no database.
/// </summary>
sealed class AppsTask : ITask
{
    public const string PathsOutput = "paths";

    public static readonly Option<bool> PathsOption = new("--paths")
    {
        Description = "Print the path filters that cover every app's migrations and the settings file, as a JSON array",
    };

    public static readonly Option<string[]> CheckWorkflowOption = new("--check-workflow")
    {
        Description = "Check that each workflow file's path filters and hashFiles(...) cache keys cover every app's migrations: exit 1 naming what is left out",
        AllowMultipleArgumentsPerToken = true,
    };

    public string Name => "apps";
    public string Description => "The apps as a JSON array (a workflow matrix), their paths, and whether workflows cover them";

    /// <summary>The settings' apps: no migration folder or schema of one app, no database.</summary>
    public IReadOnlyList<Option> Reads => [GlobalOptions.ConfigOption, GlobalOptions.AppOption];
    public IReadOnlyList<Option> Options => [PathsOption, CheckWorkflowOption];

    public async Task<int> RunAsync(TaskContext context)
    {
        var workspace = context.Workspace;
        var apps = workspace.SelectedApps;
        var paths = PathsOf(workspace.Root, apps, workspace.Settings.ConfigPath);
        if (context.Get(CheckWorkflowOption) is { Length: > 0 } workflows)
            return await CheckAsync(context, apps, workspace.Root, workflows);

        var names = apps.Select(a => a.Name).ToList();
        var outputs = GitHubIntegration.From(context).Outputs;
        await outputs.SetAsync(ActionOutputs.Apps, Json(names), context.CancellationToken);
        await outputs.SetAsync(PathsOutput, Json(paths), context.CancellationToken);
        await context.Output.WriteLineAsync(Json(context.Get(PathsOption) ? paths : names));
        return ExitCodes.Ok;
    }

    /// <summary>A filter per app's migrations folder (its down files included), then the settings file when there is one.</summary>
    static List<string> PathsOf(string root, IReadOnlyList<AppSettings> apps, string? settingsFile) =>
    [
        .. apps.Select(a => RelativeFolder(root, a.Migrations) + "/**"),
        .. settingsFile is null ? [] : new[] { RelativeFolder(root, settingsFile) },
    ];

    static async Task<int> CheckAsync(TaskContext context, IReadOnlyList<AppSettings> apps, string root, string[] workflows)
    {
        var problems = new List<string>();
        foreach (var workflow in workflows)
        {
            var full = Path.GetFullPath(workflow, context.Options.WorkingDirectory);
            if (!File.Exists(full))
                throw new UsageException($"There is no workflow file {workflow}.");
            var filters = WorkflowFilters.Read(full);
            foreach (var app in apps)
            {
                // A file that a new migration of the app would be: what the filters must match.
                var sample = RelativeFolder(root, app.Migrations) + "/20250101000000_sample.sql";
                if (filters.Paths.Count > 0 && !filters.Paths.Any(p => WorkflowFilters.Matches(p.Pattern, sample)))
                    problems.Add($"{workflow}:{filters.Paths[0].Line}: the paths filter does not cover {app.Name}'s migrations ({sample}): add \"{RelativeFolder(root, app.Migrations)}/**\"");
                foreach (var key in filters.HashFiles.Where(k => !k.Patterns.Any(p => WorkflowFilters.Matches(p, sample))))
                    problems.Add($"{workflow}:{key.Line}: hashFiles({string.Join(", ", key.Patterns.Select(p => $"'{p}'"))}) does not cover {app.Name}'s migrations ({sample}), so the cache key misses its changes");
            }
        }

        foreach (var problem in problems)
            await context.Error.WriteLineAsync(problem);
        if (problems.Count == 0)
            await context.Output.WriteLineAsync($"{string.Join(", ", workflows)}: the path filters and cache keys cover every app ({string.Join(", ", apps.Select(a => a.Name))}).");
        return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Findings;
    }

    static string RelativeFolder(string root, string path) =>
        Path.GetRelativePath(root, Path.GetFullPath(path, root)).Replace('\\', '/').TrimEnd('/');

    static string Json(IReadOnlyList<string> values) => JsonSerializer.Serialize(values, GitHubJson.Default.IReadOnlyListString);
}
