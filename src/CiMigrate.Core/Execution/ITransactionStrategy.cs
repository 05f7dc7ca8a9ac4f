namespace CiMigrate.Execution;

/// <summary>
/// How a run's steps meet transactions (DbUp's transaction strategies): one per file, one for all (<c>--atomic</c>),
/// one rolled back (<c>--dry-run</c>); inside the first, a file that runs in segments commits each (<see cref="SegmentedRun"/>).
/// </summary>
interface ITransactionStrategy
{
    /// <summary>Runs <paramref name="steps"/> in order; false at the first failure, after reporting it and the steps not run.</summary>
    Task<bool> RunAsync(IReadOnlyList<MigrationStep> steps, CancellationToken cancellationToken);
}
