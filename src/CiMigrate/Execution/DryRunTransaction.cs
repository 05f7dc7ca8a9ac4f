using CiMigrate.Execution.Events;

namespace CiMigrate.Execution;

/// <summary>
/// <c>--dry-run</c>: every file in one transaction that is rolled back at the end, the app's schema created inside it
/// when missing: proves the files apply, changes nothing, records no failure.
/// </summary>
sealed class DryRunTransaction(RunContext context, string? schemaToCreate) : ITransactionStrategy
{
    public async Task<bool> RunAsync(IReadOnlyList<MigrationStep> steps, CancellationToken cancellationToken)
    {
        if (!await new BatchTransaction(context).RunAsync(steps, TransactionEnd.RollBack, schemaToCreate, cancellationToken))
            return false;
        context.Log.Add(new DryRunRolledBack(steps.Count));
        return true;
    }
}
