namespace CiMigrate.Execution.Events;

/// <summary>A migration was applied and recorded in the ledger, in one transaction (or after its last statement).</summary>
public sealed record MigrationApplied(string Version, string Name, string File, TimeSpan Duration) : ExecutionEvent;
