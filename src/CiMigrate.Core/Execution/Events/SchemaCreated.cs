namespace CiMigrate.Execution.Events;

/// <summary>The app's schema did not exist and was created (<c>createSchema</c>).</summary>
public sealed record SchemaCreated(string Schema) : ExecutionEvent;
