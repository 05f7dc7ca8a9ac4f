namespace CiMigrate.Execution.Events;

/// <summary><c>repair --forget</c>: the ledger row was removed; the database objects were not touched.</summary>
public sealed record MigrationForgotten(string Version, string Name) : ExecutionEvent;
