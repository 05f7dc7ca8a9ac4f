namespace CiMigrate.Execution.Events;

/// <summary>A gate or a preflight check refused the run: nothing was applied because of it. Its code says what it costs.</summary>
public sealed record RunRefused(RefusalCode Code, string Message, string? Help, string? File, int? Line, int? Column)
    : ExecutionEvent;
