using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using CiMigrate.Cli;
using CiMigrate.Configuration;
using CiMigrate.Copying;
using CiMigrate.Execution;
using CiMigrate.History;
using CiMigrate.Hosting;
using CiMigrate.Kubernetes;
using CiMigrate.Reporting;
using CiMigrate.Sql;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>copy-schema --from &lt;env&gt; --to &lt;env&gt; --app &lt;app&gt; [--rename &lt;schema&gt;] [--data] [--dry-run]
/// [--replace]</c>: the runbook's cross-environment schema migration, proven table by table and all-or-nothing.
/// </summary>
sealed partial class CopySchemaTask : ITask
{
    readonly Option<string> _from = new("--from") { Description = "The environment to copy from", Required = true };
    readonly Option<string> _to = new("--to") { Description = "The environment to copy to", Required = true };
    readonly Option<string?> _rename = new("--rename") { Description = "The schema's name on the target (default: the same name)" };

    readonly Option<string?> _targetApp = new("--target-app")
    {
        Description = "The app the target's ledger rows belong to (default: the app, or with --rename the app configured with " +
            "that schema, else the schema's name with '-' for '_')",
    };

    readonly Option<bool> _data = new("--data") { Description = "Copy the rows too, not only the structure" };
    readonly Option<bool> _dryRun = new("--dry-run") { Description = "Print the plan (tables, rows, order, renames); change nothing" };
    readonly Option<bool> _replace = new("--replace") { Description = "Drop what the target schema holds, in the copy's transaction" };

    public string Name => "copy-schema";
    public string Description => "Copy an app's schema (structure, and rows with --data) to another environment, proven per table";

    /// <summary>Its two environments are <c>--from</c> and <c>--to</c>, never the one target of <c>--env</c> or <c>--database-url</c>.</summary>
    public IReadOnlyList<Option> Reads => GlobalOptions.Repository;

    public IReadOnlyList<Option> Options => [_from, _to, _rename, _targetApp, _data, _dryRun, _replace, KubernetesOptions.Kubeconfig];

    public async Task<int> RunAsync(TaskContext context)
    {
        var workspace = context.Workspace;
        if (workspace.Settings.DatabaseUrl is not null)
        {
            throw new UsageException("copy-schema works on two environments and --database-url names one: give both environments a " +
                "connection in settings (databaseUrlEnv or kubernetes) and name them with --from and --to.");
        }

        var app = workspace.App;
        var from = Environments.Named(context, context.Get(_from)!);
        var to = Environments.Named(context, context.Get(_to)!);
        var schema = context.Get(_rename) ?? app.Schema;
        if (!PlainName().IsMatch(schema))
            throw new UsageException($"--rename {schema}: a schema name here is lower-case letters, digits and '_' (at most 63).");
        if (schema != app.Schema && RenameProblem(workspace.Settings, schema, context.Get(_targetApp)) is { } problem)
            throw new UsageException($"--rename {schema}: {problem}. Nothing was copied.");
        if (from.Name == to.Name && schema == app.Schema)
            throw new UsageException($"Copying {app.Schema} on {from.Name} onto itself: name another environment with --to, or a new schema with --rename.");

        var targetApp = new AppSettings(context.Get(_targetApp) ?? TargetAppName(workspace.Settings, app, schema), schema, app.Migrations);
        var request = new CopyRequest
        {
            Source = from.Database,
            SourceEnvironment = from.Settings,
            Target = to.Database,
            TargetEnvironment = to.Settings,
            App = app,
            TargetApp = targetApp,
            Migrations = workspace.LoadMigrations(app),
            Provenance = RunProvenance.From(context.Environment, to.Name),
            Variables = context.Environment,
            AfterCommit = to.AfterApply,
            Data = context.Get(_data),
            DryRun = context.Get(_dryRun),
            Replace = context.Get(_replace),
        };

        var outcome = await new SchemaCopier(request, progress => context.Error.WriteLine(CopyText.Progress(progress)))
            .RunAsync(context.CancellationToken);
        await context.Output.WriteAsync(context.Options.Format == OutputFormat.Json
            ? JsonSerializer.Serialize(outcome, CopyJsonContext.Default.CopyOutcome) + System.Environment.NewLine
            : CopyText.Render(outcome));
        return outcome.Status switch
        {
            CopyStatus.Refused => ExitCodes.Findings,
            CopyStatus.Failed => ExitCodes.Execution,
            _ => ExitCodes.Ok,
        };
    }

    /// <summary>
    /// Why a copy may not be made under <paramref name="schema"/>: PostgreSQL's own schemas, the ledger and Supabase's
    /// are never a copy's to create or replace, nor another configured app's schema unless --target-app names that app.
    /// </summary>
    static string? RenameProblem(Settings settings, string schema, string? targetApp) =>
        ReservedSchemas.SystemReason(schema) is { } reason ? $"that schema is never a copy's target: {reason}"
        : ReservedSchemas.IsSupabase(schema) ? "that schema is one Supabase's own services use, never a copy's target"
        : settings.Apps.FirstOrDefault(a => a.Schema == schema) is { } owner && owner.Name != targetApp
            ? $"that schema belongs to app {owner.Name}; copy into it only deliberately, with --target-app {owner.Name}"
        : null;

    /// <summary>
    /// The ledger app of a renamed copy: the app configured for that schema, else the schema's name spelled as an app
    /// (money_tracker_v2 is money-tracker-v2), so the copy's history never mixes with the original's on a shared ledger.
    /// </summary>
    static string TargetAppName(Settings settings, AppSettings app, string schema) =>
        schema == app.Schema ? app.Name : settings.Apps.FirstOrDefault(a => a.Schema == schema)?.Name ?? schema.Replace('_', '-');

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex PlainName();
}
