namespace CiMigrate.Execution.Events;

/// <summary>Another session holds the app's advisory lock; the run waits (bounded by <c>lockWait</c>).</summary>
public sealed record LockWaiting(string App, string? HolderApplicationName, int? HolderPid, DateTimeOffset? HolderSince, TimeSpan Limit) : ExecutionEvent;
