namespace CiMigrate.Execution.Events;

/// <summary>A migration (or, for rollback, its down file) started.</summary>
public sealed record MigrationStarted(string Version, string Name, string File, bool InTransaction) : ExecutionEvent;
