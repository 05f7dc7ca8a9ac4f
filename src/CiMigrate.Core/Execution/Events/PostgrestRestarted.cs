namespace CiMigrate.Execution.Events;

/// <summary>
/// The PostgREST deployment was rollout-restarted after DDL and its rollout completed: the new pods serve the new
/// schema (<c>kubectl rollout restart</c> plus <c>kubectl rollout status</c>).
/// </summary>
public sealed record PostgrestRestarted(string Namespace, string Deployment, TimeSpan Duration) : ExecutionEvent;
