using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.History;
using CiMigrate.Migrations;
using CiMigrate.Hosting;
using CiMigrate.Planning;
using CiMigrate.Reporting;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>apply --env &lt;name&gt;</c>, under <c>stage-apply</c> and <c>prod-apply</c>: lock, validate the history,
/// lint the pending migrations, pass the gates (plan hash, promotion, approval), back up when asked, apply, run the
/// hooks after DDL, report. Every refusal happens before anything runs, and is part of the report.
/// </summary>
static class ApplyRunner
{
    /// <param name="contractGate">The expand-contract gate, with the task's clock; the environment says whether it waits.</param>
    public static async Task<int> RunAsync(TaskContext context, string command, string defaultEnvironment, ApplyTaskOptions options,
        ContractGate contractGate)
    {
        var cancellationToken = context.CancellationToken;
        var target = TaskTarget.Resolve(context, defaultEnvironment, context.Get(options.ExpectPlan));
        var dryRun = context.Get(options.DryRun);
        var writer = new ExecutionReportWriter(context);
        var log = writer.CreateLog(dryRun);
        // A dry run leaves no trace: a missing ledger is created only inside its rolled-back transaction.
        await using var session = await target.OpenAsync(dryRun ? SessionMode.DryRun : SessionMode.Write, log, cancellationToken);
        var comparison = await session.CompareAsync(target.Migrations, cancellationToken);
        var environment = target.Environment;
        var pending = comparison.Pending;
        // Discovery no longer reads down files; a pending migration's broken down file is still refused before it is applied.
        DownFiles.Check(pending);
        var planHash = PlanHash.Of(target.App.Name, environment.Name, comparison.History, pending);

        var (refusals, approver) = await ApplyGates.CheckAsync(context, command, target, session, comparison, options, contractGate,
            cancellationToken);
        foreach (var refusal in refusals)
            log.Add(refusal);
        if (refusals.Count == 0)
            await ApplyAsync(context, options, target, session, log, pending, approver, dryRun, cancellationToken);

        if (!dryRun)
            await RefusedRunCleanup.RunAsync(session, log, cancellationToken);
        var outcome = new ExecutionOutcome(log.Events);
        if (!dryRun && outcome.Succeeded)
            await DeploymentRecord.WriteAsync(context, target, session, comparison, cancellationToken);
        await WriteOutputsAsync(context, target, comparison, dryRun ? new ExecutionOutcome([]) : outcome, cancellationToken);
        return await writer.FinishAsync(new ExecutionReport(command, target.App.Name, environment.Name, session.Target, dryRun,
            planHash, pending.Count, log.Events));
    }

    /// <summary>
    /// The step outputs a later job reads: the plan hash is the one the environment that requires this one (staging's
    /// production) computes for the same migrations, so the deploy workflow passes it to prod-apply's <c>--expect-plan</c>.
    /// A dry run applies nothing (its <paramref name="applying"/> is empty).
    /// </summary>
    static async Task WriteOutputsAsync(TaskContext context, TaskTarget target, History.HistoryComparison comparison,
        ExecutionOutcome applying, CancellationToken cancellationToken)
    {
        var pending = comparison.Pending;
        var environment = target.Environment.Name;
        var next = context.Workspace.Settings.Environments.Values.FirstOrDefault(e => e.Requires == environment)?.Name ?? environment;
        var applied = applying.Events.OfType<MigrationApplied>().Select(e => e.Version).ToList();
        await GitHub.GitHubIntegration.From(context).Outputs.SetApplyAsync(pending.Count, PlanHash.Of(target.App.Name, next, comparison.History, pending),
            pending.Any(m => m.Up.Script.Statements.Any(s => s.MayLoseData)), target.App.Name, applied, cancellationToken);
    }

    static async Task ApplyAsync(TaskContext context, ApplyTaskOptions options, TaskTarget target, MigrationSession session,
        ExecutionLog log, IReadOnlyList<Migrations.Migration> pending, string? approver, bool dryRun, CancellationToken cancellationToken)
    {
        var environment = target.Environment;
        var backupFolder = context.Get(options.Backup)
            ?? (environment.Backup ? Path.Combine(context.Workspace.Root, ".ci-migrate", "backups") : null);
        if (pending.Count > 0 && !dryRun && backupFolder is not null)
        {
            log.Add(await SchemaBackup.WriteAsync(session, environment.Name, Path.GetFullPath(backupFolder, context.Options.WorkingDirectory),
                context.Environment, DateTimeOffset.UtcNow, cancellationToken));
        }

        var outcome = await new MigrationExecutor(session, log).ApplyAsync(pending, new ApplyOptions
        {
            Provenance = RunProvenance.From(context.Environment, environment.Name, approver),
            DryRun = dryRun,
            Atomic = context.Get(options.Atomic),
        }, cancellationToken);
        if (!dryRun)
            await AfterApply.RunAsync(target.Deployment.AfterApply, outcome, session, log, cancellationToken);
    }
}
