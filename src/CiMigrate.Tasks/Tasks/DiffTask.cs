using System.CommandLine;
using System.Text.Json;
using CiMigrate.Configuration;
using CiMigrate.Diagnostics;
using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.GitHub;
using CiMigrate.History;
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
public sealed class DiffTask(TimeProvider? clock = null) : ITask
{
    readonly TimeProvider _clock = clock ?? TimeProvider.System;

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
        Description = "Also run the pending migrations on the target in one transaction that is rolled back (as apply --dry-run): " +
            "a failure is a hazard with file:line:col, exit code 3",
    };

    public static readonly Option<bool> DeclaredOption = new("--declared")
    {
        Description = "Also say whether the app's migrations reach its declared schema (supabase/schemas) and list the differences: exit code 1 when not",
    };

    public string Name => "diff";

    public string Description => "Plan: pending migrations, schema changes and hazards";

    /// <summary>A plan per app; <c>--all-apps</c> lists them all in one run.</summary>
    public bool RunsPerApp(TaskContext context) => !context.Get(AllAppsOption);

    public IReadOnlyList<Option> Options =>
        [OutOption, AllAppsOption, ShadowUrlOption, ShadowChoice.ShadowEnvOption, DryRunOnTargetOption, DeclaredOption, GitHubOptions.Comment,
            GitHubOptions.Token];

    public IReadOnlyList<Type> Dependencies => [typeof(LintTask)];

    /// <summary>The plan shows lint findings next to the schema changes instead of stopping at them.</summary>
    public bool RunsAfterFindings => true;

    public async Task<int> RunAsync(TaskContext context)
    {
        var workspace = context.Workspace;
        var cancellationToken = context.CancellationToken;
        var hasTarget = context.Options.Env is not null || context.Options.DatabaseUrl is not null;
        var withoutSecrets = hasTarget && PullRequestWithoutSecrets(context, workspace.Environment());
        var environment = hasTarget && !withoutSecrets ? Environments.Run(context) : null;
        var dryRunOnTarget = context.Get(DryRunOnTargetOption);
        if (dryRunOnTarget && environment is null)
            throw new UsageException("--dry-run-on-target needs a target: pass --env <name> (or --database-url).");

        var allApps = context.Get(AllAppsOption);
        var app = allApps ? workspace.Settings.Apps.FirstOrDefault() ?? workspace.App : workspace.App;
        // The dry run takes the app's lock, as apply --dry-run does, and leaves no ledger behind; the plan alone only reads.
        await using var session = environment is null
            ? null
            : await MigrationSession.OpenAsync(environment.Database, app, environment.Settings,
                dryRunOnTarget ? SessionMode.DryRun : SessionMode.Read, new ExecutionLog(), cancellationToken);

        if (allApps)
            return await ListAppsAsync(context, session, environment?.Settings);

        var migrations = workspace.LoadMigrations(app);
        foreach (var skipped in migrations.Skipped)
            await context.Error.WriteLineAsync(skipped);
        var comparison = await CompareAsync(session, app, migrations, cancellationToken);
        // Discovery no longer reads down files; a broken one of a pending migration is refused here, before an apply needs it.
        DownFiles.Check(comparison.Pending);
        // Against a target, the files it has applied were linted when they were applied: their findings are listed
        // apart and do not gate this plan. Without a target every file is pending.
        var findings = FindingsOf(context.Find<LintReport>());
        var applied = AppliedFiles(comparison, session is not null);
        Plan plan;
        using (var progress = new StepProgress(context.Error, context.Options.Verbose))
        {
            plan = await Planner.PlanAsync(new PlanRequest
            {
                App = app,
                Environment = environment?.Name,
                Applied = comparison.History,
                Pending = comparison.Pending,
                SegmentsCommitted = comparison.PartlyApplied.ToDictionary(e => e.Version, e => e.Progress.Count, StringComparer.Ordinal),
                Refusals = session is null ? [] : await HistoryRefusalsAsync(session, app, comparison, cancellationToken),
                StartShadow = ct => ShadowChoice.StartAsync(context, environment, session?.Connection.PostgreSqlVersion.Major, ct),
                LiveConnection = session?.Connection,
                Notes = withoutSecrets ? [NoTargetNote(context), .. Notes(comparison, null)] : Notes(comparison, environment?.Name),
                Findings = [.. findings.Where(f => !applied.Contains(f.File ?? ""))],
                Progress = step => progress.Step(ProgressText.Of(step)),
            }, cancellationToken);
        }

        plan = plan with { AppliedFindings = [.. findings.Where(f => applied.Contains(f.File ?? ""))] };
        if (environment is not null)
            plan = plan with { Pending = ContractWaits(plan.Pending, comparison, environment.Settings.ContractAfter) };
        if (context.Get(DeclaredOption))
            plan = await DeclaredCheck.AddToAsync(plan, context, app, migrations);

        if (session is not null && comparison.Pending.Count > 0
            && await TargetCollisions.FindAsync(session, comparison.Pending, cancellationToken) is { Count: > 0 } collisions)
            plan = plan with { Hazards = [.. plan.Hazards, .. collisions] };

        if (dryRunOnTarget && plan.Pending.Count > 0)
            plan = plan with { Hazards = [.. plan.Hazards, .. await TargetDryRun.RunAsync(session!, comparison.Pending, cancellationToken)] };

        await WriteAsync(context, Render(plan, context.Options.Format, LinksOf(context)));
        await PublishAsync(context, plan);
        return plan.Hazards.Any(h => h.Kind is HazardKind.FailsOnShadow or HazardKind.FailsOnTarget) ? ExitCodes.Execution
            : plan.HasDrift || plan.MissesDeclared || plan.Findings.Any(f => f.IsError) ? ExitCodes.Findings : ExitCodes.Ok;
    }

    /// <summary>
    /// The refusals of apply that the target's ledger decides whatever the files say: rows of another schema, a rollback
    /// left part-way, a lost history. The plan reports them instead of a replay (edited and out-of-order files stay
    /// notes: the replay still tells the reviewer what they would do).
    /// </summary>
    static async Task<IReadOnlyList<RunRefused>> HistoryRefusalsAsync(MigrationSession session, AppSettings app, HistoryComparison comparison,
        CancellationToken cancellationToken) =>
        HistoryChecks.SchemaMismatch(comparison, app, session.Environment.Name) is { Count: > 0 } mismatch ? mismatch
        : HistoryChecks.PartlyRolledBack(comparison, session.Environment.Name) is { Count: > 0 } halfUndone ? halfUndone
        : await HistoryChecks.LostAsync(session, comparison, cancellationToken);

    /// <summary>The display paths of the up and down files of the migrations the target has applied; none without a target.</summary>
    static HashSet<string> AppliedFiles(HistoryComparison comparison, bool hasTarget) =>
        !hasTarget ? [] : [.. comparison.Entries
            .Where(e => e.State is MigrationState.Applied && e.Local is not null)
            .SelectMany(e => new[] { e.Local!.Up.DisplayPath, e.Local.Down?.DisplayPath })
            .OfType<string>()];

    /// <summary>
    /// A pull request run that has no way in to its environment: a fork's pull request gets no secrets, so the variable
    /// the environment reads its URL from is unset. The plan is then made against the shadow alone, as with no target.
    /// </summary>
    static bool PullRequestWithoutSecrets(TaskContext context, EnvironmentSettings environment) =>
        GitHubIntegration.From(context).Context.PullRequestNumber is not null
        && context.Workspace.Settings.DatabaseUrl is null && environment.DatabaseUrl is null && environment.Kubernetes is null
        && (environment.DatabaseUrlEnv is null || string.IsNullOrWhiteSpace(context.Environment.GetValueOrDefault(environment.DatabaseUrlEnv)));

    static string NoTargetNote(TaskContext context)
    {
        var environment = context.Workspace.Environment();
        var variable = environment.DatabaseUrlEnv is { } name ? $"${name} is not set" : "it has no connection";
        return $"No target: this pull request runs without the secrets of {environment.Name} ({variable}; a fork's pull request gets none), " +
            "so the plan is against the shadow alone and every migration shows as pending.";
    }

    /// <summary>Each pending contract migration with how long prod-apply still waits for it on the target.</summary>
    IReadOnlyList<PendingMigration> ContractWaits(IReadOnlyList<PendingMigration> pending, HistoryComparison comparison, TimeSpan contractAfter)
    {
        var opens = ExpandContractPairs.Of(comparison, contractAfter)
            .Where(p => p.ContractVersion is not null && p.ContractOpensAt is not null)
            .ToDictionary(p => p.ContractVersion!, p => p.ContractOpensAt!.Value, StringComparer.Ordinal);
        var now = _clock.GetUtcNow();
        return [.. pending.Select(m => opens.TryGetValue(m.Version, out var at) ? m with { ContractWait = at > now ? at - now : TimeSpan.Zero } : m)];
    }

    static IReadOnlyList<Finding> FindingsOf(LintReport? report) => report?.Findings ?? [];

    static async Task<int> ListAppsAsync(TaskContext context, MigrationSession? session, EnvironmentSettings? environment)
    {
        var apps = new List<AppPending>();
        foreach (var app in context.Workspace.Settings.Apps)
        {
            var comparison = await CompareAsync(session, app, context.Workspace.LoadMigrations(app), context.CancellationToken);
            apps.Add(new AppPending(app.Name, app.Schema, comparison.Pending.Count,
                PlanHash.Of(app.Name, environment?.Name ?? "", comparison.History, comparison.Pending)));
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

    /// <summary>
    /// The app's local migrations against its rows in the target's ledger, as status and apply see them (another
    /// app's rows are not read); with no target, against an empty history.
    /// </summary>
    static async Task<HistoryComparison> CompareAsync(MigrationSession? session, AppSettings app, MigrationSet migrations,
        CancellationToken cancellationToken)
    {
        if (session is null)
            return HistoryComparison.Compare(migrations, []);
        try
        {
            return await HistoryComparison.CompareAsync(migrations, new Ledger(session.Connection, app.Name, app.Schema), cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw session.ExplainLostConnection(e, $"reading the history of {app.Name}")
                ?? new ExecutionException($"Could not read the history of {app.Name} on {session.Environment.Name}: {e.Message}", e);
        }
    }

    static List<string> Notes(HistoryComparison comparison, string? environment)
    {
        var notes = new List<string>();
        foreach (var entry in comparison.Edited)
            notes.Add($"{entry.Local!.Up.DisplayPath} was edited after it was applied to {environment}: the replay uses the file as it is now.");
        foreach (var entry in comparison.OutOfOrder)
            notes.Add($"{entry.Local!.Up.DisplayPath} is older than the newest migration applied to {environment}: apply refuses it without --allow-out-of-order.");
        if (comparison.MissingLocally is { Count: > 0 } missing)
            notes.Add($"{environment} has applied {string.Join(", ", missing.Select(e => e.Version))}, which is not in the repository: the replay cannot include it.");
        return notes;
    }

    static string Render(Plan plan, OutputFormat format, SourceLinks? links) => format switch
    {
        OutputFormat.Json => PlanJsonRenderer.Render(plan),
        OutputFormat.Markdown or OutputFormat.Github => PlanMarkdownRenderer.Render(plan, links),
        _ => PlanTextRenderer.Render(plan),
    };

    static SourceLinks? LinksOf(TaskContext context) =>
        PullRequestLinks.Of(GitHubIntegration.From(context, context.Get(GitHubOptions.Token)).Context, context.Workspace.Root, context.Environment);

    static async Task WriteAsync(TaskContext context, string text)
    {
        if (context.Get(OutOption) is { } path)
        {
            var full = Path.GetFullPath(path, context.Options.WorkingDirectory);
            var created = !File.Exists(full);
            await File.WriteAllTextAsync(full, context.Secrets.Apply(text), context.CancellationToken);
            if (created)
                FileOwnership.MatchFolder(full);
            await context.Error.WriteLineAsync($"Plan written to {path}.");
        }
        else
            await context.Output.WriteAsync(text);
    }

    /// <summary>In GitHub Actions: the plan in the job summary, the step outputs, and with --comment the sticky comment.</summary>
    static async Task PublishAsync(TaskContext context, Plan plan)
    {
        var github = GitHubIntegration.From(context, context.Get(GitHubOptions.Token));
        var markdown = context.Secrets.Apply(PlanMarkdownRenderer.Render(plan, PullRequestLinks.Of(github.Context, context.Workspace.Root, context.Environment)));
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
