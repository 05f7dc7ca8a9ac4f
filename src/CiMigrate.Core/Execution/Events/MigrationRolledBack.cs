namespace CiMigrate.Execution.Events;

/// <summary>A migration's down file ran and its ledger row was removed, in one transaction.</summary>
public sealed record MigrationRolledBack(string Version, string Name, string File, TimeSpan Duration) : ExecutionEvent;
