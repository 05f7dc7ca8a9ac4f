namespace CiMigrate.Execution.Events;

/// <summary>
/// <c>supabase_migrations.schema_migrations</c> already holds this version under another name (another app's, on a
/// shared database): apply did not mirror the migration there, baseline did not adopt the row. Never a failure.
/// </summary>
public sealed record SupabaseVersionTaken(string Version, string Name, string? TakenBy) : ExecutionEvent;
