namespace CiMigrate.Execution;

/// <summary>
/// Work after migrations changed a schema, outside the executor: PostgREST reloads its schema cache
/// (<see cref="PostgrestReload"/>), the runbook's grants are checked (<see cref="GrantReview"/>), PostgREST's
/// deployment is restarted in Kubernetes. The task that wires a run chooses them; <see cref="AfterApply"/> runs them.
/// </summary>
public interface IAfterApplyHook
{
    /// <summary>Does the work and logs what it did. Throws <see cref="Npgsql.NpgsqlException"/> or <see cref="ExecutionException"/> when it fails.</summary>
    Task RunAsync(MigrationSession session, ExecutionLog log, CancellationToken cancellationToken);
}
