using CiMigrate.Execution.Events;

namespace CiMigrate.Execution;

/// <summary>
/// <c>--dry-run</c>: every file in one transaction that is rolled back at the end, with what the run needs created
/// inside it (the app's schema, the ledger, when missing): proves the files apply, changes nothing, records no failure.
/// </summary>
sealed class DryRunTransaction(RunContext context, IReadOnlyList<string> setup) : ITransactionStrategy
{
    public async Task<bool> RunAsync(IReadOnlyList<MigrationStep> steps, CancellationToken cancellationToken)
    {
        if (steps.Count > 0 && !await new BatchTransaction(context).RunAsync(steps, TransactionEnd.RollBack, setup, cancellationToken))
            return false;
        context.Log.Add(new DryRunRolledBack(steps.Count));
        return true;
    }
}
