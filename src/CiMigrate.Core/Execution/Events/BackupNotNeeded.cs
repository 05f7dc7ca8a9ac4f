namespace CiMigrate.Execution.Events;

/// <summary>
/// <c>--backup</c> on a first deploy: the app's schema does not exist yet, so there is nothing to dump (pg_dump would
/// fail on it) and undoing the run means dropping the schema it creates.
/// </summary>
public sealed record BackupNotNeeded(string Schema) : ExecutionEvent;
