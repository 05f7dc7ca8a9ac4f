using CiMigrate.Execution;
using CiMigrate.History;
using CiMigrate.Hosting;
using CiMigrate.Migrations;
using CiMigrate.Planning;
using CiMigrate.Reporting;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>apply --env &lt;name&gt;</c>, under <c>stage-apply</c> and <c>prod-apply</c>: lock, validate the history,
/// lint the pending migrations, pass the gates (plan hash, promotion, approval), back up when asked, apply, report.
/// Every refusal happens before anything runs.
/// </summary>
static class ApplyRunner
{
    public static async Task<int> RunAsync(TaskContext context, string command, string defaultEnvironment, ApplyTaskOptions options)
    {
        var cancellationToken = context.CancellationToken;
        var target = TaskTarget.Resolve(context, defaultEnvironment);
        var dryRun = context.Get(options.DryRun);
        var writer = new ExecutionReportWriter(context);
        var log = writer.CreateLog();
        await using var session = await target.OpenAsync(SessionMode.Write, log, cancellationToken);
        var comparison = await session.CompareAsync(target.Migrations, cancellationToken);
        var environment = target.Environment;

        HistoryChecks.ThrowIfEdited(comparison, environment.Name);
        if (comparison.OutOfOrder.Count > 0 && !context.Get(options.AllowOutOfOrder))
        {
            throw new UsageException(
                $"Pending migration(s) older than the newest applied one on {environment.Name}: " +
                $"{string.Join(", ", comparison.OutOfOrder.Select(e => e.Local!.Up.DisplayPath))}. Give them a newer version, " +
                "or pass --allow-out-of-order if applying them late is safe.");
        }

        var pending = comparison.Pending;
        if (!context.Get(options.SkipLint))
            PendingLintGate.Check(context, command, environment.Name, pending);
        var planHash = PlanHash.Of(target.App.Name, environment.Name, pending);
        if (context.Get(options.ExpectPlan) is { } expected && !string.Equals(expected.Trim(), planHash, StringComparison.OrdinalIgnoreCase))
        {
            throw new GateRefusedException(
                $"The pending migrations on {environment.Name} are not the reviewed plan: expected plan {expected.Trim()}, found " +
                $"{planHash} ({Describe(pending)}). Run diff again and review what changed.");
        }

        if (pending.Count > 0 && environment.Requires is { } required
            && await PromotionGate.CheckAsync(context, target, required, pending, cancellationToken) is { } refusal)
            throw new GateRefusedException(refusal);

        string? approver = null;
        if (pending.Count > 0 && !dryRun)
        {
            var decision = await ApprovalGates.For(environment, context).CheckAsync(environment, cancellationToken);
            if (!decision.Approved)
                throw new GateRefusedException(decision.Reason ?? $"The run was not approved for {environment.Name}.");
            approver = decision.Approver;
        }

        var backupFolder = context.Get(options.Backup)
            ?? (environment.Backup ? Path.Combine(context.Workspace.Root, ".ci-migrate", "backups") : null);
        if (pending.Count > 0 && !dryRun && backupFolder is not null)
        {
            log.Add(await SchemaBackup.WriteAsync(session.ConnectionString, target.App.Name, target.App.Schema, environment.Name,
                Path.GetFullPath(backupFolder, context.Options.WorkingDirectory), context.Environment, DateTimeOffset.UtcNow,
                cancellationToken));
        }

        var outcome = await new MigrationExecutor(session, log).ApplyAsync(pending, new ApplyOptions
        {
            Provenance = RunProvenance.From(context.Environment, environment.Name, approver),
            DryRun = dryRun,
            Atomic = context.Get(options.Atomic),
        }, cancellationToken);

        var report = new ExecutionReport(command, target.App.Name, environment.Name, session.Target, dryRun, outcome.Succeeded,
            planHash, pending.Count, outcome.Events);
        await writer.WriteAsync(report);
        return ExecutionReportWriter.ExitCode(report);
    }

    static string Describe(IReadOnlyList<Migration> pending) =>
        pending.Count == 0 ? "nothing pending" : $"pending: {string.Join(", ", pending.Select(m => m.Version))}";
}
