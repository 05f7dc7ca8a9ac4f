namespace CiMigrate.Execution.Events;

/// <summary>The run stopped for a reason that is not a failing statement (the connection was lost, say).</summary>
public sealed record RunFailed(string Message, string? File) : ExecutionEvent;
