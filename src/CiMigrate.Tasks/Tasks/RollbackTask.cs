using System.CommandLine;
using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.GitHub;
using CiMigrate.History;
using CiMigrate.Hosting;
using CiMigrate.Migrations;
using CiMigrate.Reporting;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>rollback --env &lt;name&gt; [--steps N | --to &lt;version&gt;]</c>: the down files of the newest applied
/// migrations, newest first, each in a transaction with its ledger row removed and an event kept.
/// </summary>
sealed class RollbackTask : ITask
{
    readonly Option<int?> _steps = new("--steps") { Description = "How many of the newest applied migrations to roll back (default 1)" };
    readonly Option<string?> _to = new("--to") { Description = "Roll back every applied migration newer than this version" };

    public string Name => "rollback";
    public string Description => "Run down migrations of the newest applied migrations";
    public IReadOnlyList<Option> Options => [_steps, _to, GitHubOptions.Token];

    public async Task<int> RunAsync(TaskContext context)
    {
        var steps = context.Get(_steps);
        var to = context.Get(_to);
        if (steps is not null && to is not null)
            throw new UsageException("Pass --steps or --to, not both.");
        if (steps is < 1)
            throw new UsageException("--steps must be 1 or more.");

        var cancellationToken = context.CancellationToken;
        var target = TaskTarget.Resolve(context, null);
        var writer = new ExecutionReportWriter(context);
        var log = writer.CreateLog();
        await using var session = await target.OpenAsync(SessionMode.Write, log, cancellationToken);
        var comparison = await session.CompareAsync(target.Migrations, cancellationToken);
        var applied = comparison.AppliedNewestFirst;
        if (to is not null && applied.All(e => e.Version != to) && target.Migrations.Find(to) is null)
            throw new UsageException($"--to {to}: there is no migration with that version.");

        var chosen = to is not null
            ? applied.Where(e => string.CompareOrdinal(e.Version, to) > 0).ToList()
            : applied.Take(steps ?? 1).ToList();
        var environment = target.Environment;
        if (HistoryChecks.SchemaMismatch(comparison, target.App, environment.Name) is { Count: > 0 } mismatch)
        {
            foreach (var refusal in mismatch)
                log.Add(refusal);
        }
        else if (HistoryChecks.Edited(comparison, environment.Name) is { Count: > 0 } edited
            && edited.Where(r => chosen.Any(e => e.Local?.Up.DisplayPath == r.Finding.File)).ToList() is { Count: > 0 } editedChosen)
        {
            // The down file undoes what the up file did when it was applied; an edited up file may no longer be that.
            foreach (var refusal in editedChosen)
                log.Add(refusal);
        }
        else if (HistoryChecks.PartlyApplied(comparison, environment.Name) is { Count: > 0 } partly)
        {
            foreach (var refusal in partly)
                log.Add(refusal);
        }
        else if (chosen.FirstOrDefault(e => e.Local is null) is { } missing)
        {
            log.Add(new RunRefused(RefusalCodes.MissingLocalFile,
                $"Cannot roll back {missing.Version}_{missing.Name}: it is applied to {environment.Name} but has no local file. Nothing was run.",
                "Restore its file (and its down file) from the history of the repository.", null, null, null));
        }
        else
        {
            // Before anyone is asked to approve: a blank or non-UTF-8 down file would be refused by the executor anyway.
            DownFiles.Check(chosen.Select(e => e.Local!));
            var decision = chosen.Count == 0
                ? ApprovalDecision.NotRequired
                : await target.Deployment.Approval().CheckAsync(environment, cancellationToken);
            if (!decision.Approved)
            {
                log.Add(ApprovalGates.Refusal(decision, environment.Name));
            }
            else
            {
                var outcome = await new MigrationExecutor(session, log).RollbackAsync([.. chosen.Select(e => e.Local!)],
                    RunProvenance.From(context.Environment, environment.Name, decision.Approver), cancellationToken);
                await AfterApply.RunAsync(target.Deployment.AfterApply, outcome, session, log, cancellationToken);
            }
        }

        var report = new ExecutionReport(Name, target.App.Name, environment.Name, session.Target, false,
            null, chosen.Count, log.Events);
        return await writer.FinishAsync(report);
    }
}
