namespace CiMigrate.Execution.Events;

/// <summary>The apply created the app's schema and granted USAGE on it to the API roles that exist (<c>apiRoles</c>).</summary>
public sealed record SchemaUsageGranted(string Schema, IReadOnlyList<string> Roles) : ExecutionEvent;
