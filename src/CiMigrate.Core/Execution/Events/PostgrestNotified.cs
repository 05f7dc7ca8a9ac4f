namespace CiMigrate.Execution.Events;

/// <summary><c>NOTIFY pgrst, 'reload schema'</c> was sent so PostgREST reloads its schema cache.</summary>
public sealed record PostgrestNotified : ExecutionEvent;
