using System.CommandLine;
using System.Text.Json;
using CiMigrate.Cli;
using CiMigrate.Configuration;
using CiMigrate.GitHub;
using CiMigrate.Hosting;
using CiMigrate.Lint;
using CiMigrate.Migrations;
using CiMigrate.Planning;
using CiMigrate.Reporting;
using CiMigrate.Shadow;
using Npgsql;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>ci-migrate diff</c>: the plan a reviewer reads on a pull request. Pending migrations against a target's ledger
/// (or an empty history), replayed on a shadow database to show what they change, what is risky, and how the
/// target drifted from its migrations. Exit code 1 when the target drifted.
/// </summary>
public sealed class DiffTask : ITask
{
    public static readonly Option<string?> OutOption = new("--out")
    {
        Description = "Write the plan to this file instead of standard output",
    };

    public static readonly Option<bool> AllAppsOption = new("--all-apps")
    {
        Description = "List the apps with pending migrations (with --format json: a workflow matrix) without replaying",
    };

    public static readonly Option<string?> ShadowUrlOption = new("--shadow-url")
    {
        Description = "Replay on scratch databases of this server instead of a throwaway local PostgreSQL; never printed",
    };

    public static readonly Option<bool> DryRunOnTargetOption = new("--dry-run-on-target")
    {
        Description = "Also run the pending migrations on the target in a transaction that is rolled back",
    };

    public string Name => "diff";

    public string Description => "Plan: pending migrations, schema changes and hazards";

    public IReadOnlyList<Option> Options =>
        [OutOption, AllAppsOption, ShadowUrlOption, DryRunOnTargetOption, GitHubOptions.Comment, GitHubOptions.Token];

    public IReadOnlyList<Type> Dependencies => [typeof(LintTask)];

    /// <summary>The plan shows lint findings next to the schema changes instead of stopping at them.</summary>
    public bool RunsAfterFindings => true;

    public async Task<int> RunAsync(TaskContext context)
    {
        if (context.Get(DryRunOnTargetOption))
            throw new UsageException("--dry-run-on-target runs the pending migrations through the executor (issue #4), which is not in this version yet.");
        if (context.Options.Format == OutputFormat.Sarif)
            throw new UsageException("diff writes text, json or markdown; SARIF is for lint findings (ci-migrate lint --format sarif).");

        var workspace = context.Workspace;
        var hasTarget = context.Options.Env is not null || context.Options.DatabaseUrl is not null;
        var environment = hasTarget ? workspace.Environment() : null;
        await using var target = environment is null ? null : NpgsqlDataSource.Create(workspace.ConnectionString(environment));

        if (context.Get(AllAppsOption))
            return await ListAppsAsync(context, target, environment);

        var app = workspace.App;
        var migrations = workspace.LoadMigrations(app);
        var history = target is null ? new Dictionary<string, string>() : await ReadHistoryAsync(target, app, environment!);
        var plan = await Planner.PlanAsync(new PlanRequest
        {
            App = app,
            Environment = environment?.Name,
            Applied = [.. migrations.Migrations.Where(m => history.ContainsKey(m.Version))],
            Pending = [.. migrations.Migrations.Where(m => !history.ContainsKey(m.Version))],
            StartShadow = cancellationToken => StartShadowAsync(context, cancellationToken),
            Target = target,
            Notes = Notes(migrations, history, environment?.Name),
            Findings = FindingsOf(context.Find<LintReport>()),
        }, context.CancellationToken);

        await WriteAsync(context, Render(plan, context.Options.Format));
        await PublishAsync(context, plan);
        return plan.HasDrift ? ExitCodes.Findings : ExitCodes.Ok;
    }

    static IReadOnlyList<PlanFinding> FindingsOf(LintReport? report) =>
        report is null
            ? []
            : [.. report.Findings.Select(f => new PlanFinding(f.File, f.Line, f.Column, f.Rule, f.Severity.ToString().ToLowerInvariant(), f.Message))];

    static async Task<int> ListAppsAsync(TaskContext context, NpgsqlDataSource? target, EnvironmentSettings? environment)
    {
        var apps = new List<AppPending>();
        foreach (var app in context.Workspace.Settings.Apps)
        {
            var history = target is null ? new Dictionary<string, string>() : await ReadHistoryAsync(target, app, environment!);
            var pending = context.Workspace.LoadMigrations(app).Migrations.Where(m => !history.ContainsKey(m.Version)).ToList();
            apps.Add(new AppPending(app.Name, app.Schema, pending.Count, PlanHash.Of(app.Name, environment?.Name ?? "", pending)));
        }

        await WriteAsync(context, context.Options.Format == OutputFormat.Json
            ? PlanJsonRenderer.RenderMatrix(apps)
            : string.Concat(apps.Select(a => $"{a.App}: {a.Pending} pending\n")));
        var github = GitHubIntegration.From(context, context.Get(GitHubOptions.Token));
        await github.Outputs.SetAsync(ActionOutputs.Apps,
            JsonSerializer.Serialize<IReadOnlyList<string>>([.. apps.Where(a => a.Pending > 0).Select(a => a.App)], GitHubJson.Default.IReadOnlyListString),
            context.CancellationToken);
        return ExitCodes.Ok;
    }

    static async Task<IReadOnlyDictionary<string, string>> ReadHistoryAsync(NpgsqlDataSource target, AppSettings app,
        EnvironmentSettings environment)
    {
        try
        {
            return await TargetHistory.ReadAsync(target, app.Name, CancellationToken.None);
        }
        catch (NpgsqlException e)
        {
            throw new ExecutionException($"Could not read the history of {app.Name} on {environment.Name}: {e.Message}", e);
        }
    }

    static async Task<IShadowDatabase> StartShadowAsync(TaskContext context, CancellationToken cancellationToken)
    {
        if (context.Get(ShadowUrlOption) is { } url)
            return new ExistingServerShadow(DatabaseUrl.ToConnectionString(url, context.Secrets));
        return await ThrowawayShadow.StartAsync(PostgresBinaries.Find(context.Environment), cancellationToken);
    }

    static List<string> Notes(MigrationSet migrations, IReadOnlyDictionary<string, string> history, string? environment)
    {
        var notes = new List<string>();
        foreach (var m in migrations.Migrations.Where(m => history.TryGetValue(m.Version, out var checksum) && checksum != m.Checksum))
            notes.Add($"{m.Up.DisplayPath} was edited after it was applied to {environment}: the replay uses the file as it is now.");
        var missing = history.Keys.Where(v => migrations.Find(v) is null).ToList();
        if (missing.Count > 0)
            notes.Add($"{environment} has applied {string.Join(", ", missing)}, which is not in the repository: the replay cannot include it.");
        return notes;
    }

    static string Render(Plan plan, OutputFormat format) => format switch
    {
        OutputFormat.Json => PlanJsonRenderer.Render(plan),
        OutputFormat.Markdown or OutputFormat.Github => PlanMarkdownRenderer.Render(plan),
        _ => PlanTextRenderer.Render(plan),
    };

    static async Task WriteAsync(TaskContext context, string text)
    {
        if (context.Get(OutOption) is { } path)
        {
            var full = Path.GetFullPath(path, context.Options.WorkingDirectory);
            await File.WriteAllTextAsync(full, context.Secrets.Apply(text), context.CancellationToken);
            await context.Error.WriteLineAsync($"Plan written to {path}.");
        }
        else
            await context.Output.WriteAsync(text);
    }

    /// <summary>In GitHub Actions: the plan in the job summary, the step outputs, and with --comment the sticky comment.</summary>
    static async Task PublishAsync(TaskContext context, Plan plan)
    {
        var github = GitHubIntegration.From(context, context.Get(GitHubOptions.Token));
        var markdown = context.Secrets.Apply(PlanMarkdownRenderer.Render(plan));
        await github.Summary.AppendAsync(markdown, context.CancellationToken);
        await github.Outputs.SetPlanAsync(plan.Pending.Count, plan.PlanHash, plan.HasDestructiveChanges,
            plan.Pending.Count > 0 ? [plan.App] : [], context.CancellationToken);
        if (context.Get(GitHubOptions.Comment))
        {
            var comment = new StickyComment(PlanMarkdownRenderer.Marker(plan.App), markdown) { CreateIfMissing = plan.Pending.Count > 0 };
            await github.PublishCommentAsync(comment, cancellationToken: context.CancellationToken);
        }
    }
}
