namespace CiMigrate.Execution.Events;

/// <summary>A migration that was not run, and why (an earlier one failed, or it is already applied).</summary>
public sealed record MigrationSkipped(string Version, string Name, string Reason) : ExecutionEvent;
