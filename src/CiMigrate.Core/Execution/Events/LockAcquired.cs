namespace CiMigrate.Execution.Events;

/// <summary>The run holds the app's advisory lock: no other run of this app can apply until it ends.</summary>
public sealed record LockAcquired(string App, TimeSpan Waited) : ExecutionEvent;
