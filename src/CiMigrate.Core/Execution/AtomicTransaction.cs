namespace CiMigrate.Execution;

/// <summary><c>--atomic</c>: every file in one transaction, committed at the end: all of them or none.</summary>
sealed class AtomicTransaction(RunContext context) : ITransactionStrategy
{
    public Task<bool> RunAsync(IReadOnlyList<MigrationStep> steps, CancellationToken cancellationToken) =>
        new BatchTransaction(context).RunAsync(steps, TransactionEnd.Commit, setup: [], cancellationToken);
}
