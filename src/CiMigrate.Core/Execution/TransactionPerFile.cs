namespace CiMigrate.Execution;

/// <summary>
/// The default: each file in its own transaction with its ledger row, committed before the next starts, so a failure
/// leaves the files before it applied. A file that runs in segments (CONCURRENTLY among other statements, its own
/// BEGIN ... COMMIT blocks, the <c>-- ci-migrate:no-transaction</c> marker, a resumed file) commits segment by segment.
/// </summary>
sealed class TransactionPerFile(RunContext context) : ITransactionStrategy
{
    public async Task<bool> RunAsync(IReadOnlyList<MigrationStep> steps, CancellationToken cancellationToken)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var ok = steps[i].InSegments
                ? await new SegmentedRun(context).RunAsync(steps[i], cancellationToken)
                : await new BatchTransaction(context).RunAsync([steps[i]], TransactionEnd.Commit, setup: [], cancellationToken);
            if (!ok)
            {
                context.Failures.Skip(steps.Skip(i + 1));
                return false;
            }
        }

        return true;
    }
}
