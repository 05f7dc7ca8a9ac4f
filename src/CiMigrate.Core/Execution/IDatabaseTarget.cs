namespace CiMigrate.Execution;

/// <summary>
/// The way in to a target database. One executor, two ways in: a connection string as given, or a Kubernetes
/// port-forward to a pod with the password read from a Secret (Kubernetes.KubernetesDatabaseTarget, wired in Tasks).
/// </summary>
/// <remarks>
/// Usage: <c>await using var connection = await target.OpenAsync(ct);</c> then build one
/// <c>NpgsqlDataSource</c> from <see cref="DatabaseConnection.ConnectionString"/> and use it until the
/// connection is disposed, which ends the way in (closes the port-forward). When a command fails, ask
/// <see cref="DatabaseConnection.ExplainFailure"/> whether the way in broke, and throw what it returns.
/// A target never retries or re-runs anything itself.
/// </remarks>
public interface IDatabaseTarget
{
    /// <summary>Names the target without secrets, for messages: <c>supabase/postgres-0 (port-forward)</c>.</summary>
    string Description { get; }

    /// <summary>Opens the way in (reads the password, starts the port-forward) and returns a usable connection string.</summary>
    Task<DatabaseConnection> OpenAsync(CancellationToken cancellationToken);
}
