using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.History;
using CiMigrate.Hosting;
using CiMigrate.Migrations;
using CiMigrate.Planning;

namespace CiMigrate.Tasks;

/// <summary>
/// What stands between reading the ledger and applying, in order: edited applied migrations, rows of another schema,
/// a rollback left part-way, lost history, out-of-order pending ones, lint, and the environment's policy: the reviewed plan, the promotion gate,
/// the expand-contract gate, the approval. The first that refuses ends the checks (an approval
/// is never asked for a run that would be refused anyway); its refusals go into the run's report.
/// </summary>
static class ApplyGates
{
    /// <summary>The refusals (empty when the run may go on) and the approver's login, when an approval was given.</summary>
    public static async Task<(IReadOnlyList<RunRefused> Refusals, string? Approver)> CheckAsync(TaskContext context, string command,
        TaskTarget target, MigrationSession session, HistoryComparison comparison, ApplyTaskOptions options, ContractGate contractGate,
        CancellationToken cancellationToken)
    {
        var deployment = target.Deployment;
        var environment = target.Environment;
        var pending = comparison.Pending;
        if (HistoryChecks.Edited(comparison, environment.Name) is { Count: > 0 } edited)
            return (edited, null);
        if (HistoryChecks.SchemaMismatch(comparison, target.App, environment.Name) is { Count: > 0 } mismatch)
            return (mismatch, null);
        if (HistoryChecks.PartlyRolledBack(comparison, environment.Name) is { Count: > 0 } halfUndone)
            return (halfUndone, null);
        if (await HistoryChecks.LostAsync(session, comparison, cancellationToken) is { Count: > 0 } lost)
            return (lost, null);
        if (comparison.OutOfOrder.Count > 0 && !context.Get(options.AllowOutOfOrder))
        {
            return ([new RunRefused(RefusalCodes.OutOfOrder,
                $"Pending migration(s) older than the newest applied one on {environment.Name}: " +
                $"{string.Join(", ", comparison.OutOfOrder.Select(e => e.Local!.Up.DisplayPath))}.",
                "Give them a newer version, or pass --allow-out-of-order if applying them late is safe.", null, null, null)], null);
        }

        if (!context.Get(options.SkipLint) && PendingLintGate.Check(context, command, environment.Name, pending) is { } lint)
            return ([lint], null);
        var planHash = PlanHash.Of(target.App.Name, environment.Name, comparison.History, pending);
        var expected = deployment.ExpectedPlan is { } given ? ExpectedPlan.For(given, target.App.Name) : null;
        if (expected is { Length: 0 })
        {
            // The deploy workflow passes the staging job's output; an empty one means staging never reported its plan,
            // and skipping the check would apply an unreviewed set.
            return ([new RunRefused(RefusalCodes.NoReviewedPlan,
                $"--expect-plan is empty: the staging job reported no plan for {target.App.Name}, so the pending migrations on {environment.Name} cannot be checked against it.",
                "Make the staging job pass its plan-hash output (stage-apply writes it), or leave out --expect-plan to apply without the check.",
                null, null, null)], null);
        }

        if (expected is not null && !string.Equals(expected, planHash, StringComparison.OrdinalIgnoreCase))
        {
            return ([new RunRefused(RefusalCodes.PlanMismatch,
                $"The pending migrations on {environment.Name} are not the reviewed plan: expected plan {expected}, found " +
                $"{planHash} ({Describe(pending)}).", "Run diff again and review what changed.", null, null, null)], null);
        }

        if (pending.Count > 0 && deployment.Promotion is { } promotion
            && await promotion.MissingAsync(target.App, pending, cancellationToken) is { Count: > 0 } notPromoted)
        {
            return ([new RunRefused(RefusalCodes.NotPromoted,
                $"{environment.Name} requires every migration to pass through {promotion.Required} first: {string.Join("; ", notPromoted)}.",
                $"Apply to {promotion.Required} first (ci-migrate stage-apply).", null, null, null)], null);
        }

        if (contractGate.Check(comparison, deployment) is { } tooEarly)
            return ([tooEarly], null);

        if (pending.Count == 0 || context.Get(options.DryRun))
            return ([], null);
        var decision = await deployment.Approval().CheckAsync(environment, cancellationToken);
        return decision.Approved
            ? ([], decision.Approver)
            : ([ApprovalGates.Refusal(decision, environment.Name)], null);
    }

    static string Describe(IReadOnlyList<Migration> pending) =>
        pending.Count == 0 ? "nothing pending" : $"pending: {string.Join(", ", pending.Select(m => m.Version))}";
}
