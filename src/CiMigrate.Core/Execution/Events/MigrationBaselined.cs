namespace CiMigrate.Execution.Events;

/// <summary>A migration was marked applied without running it (<c>baseline</c>).</summary>
public sealed record MigrationBaselined(string Version, string Name) : ExecutionEvent;
