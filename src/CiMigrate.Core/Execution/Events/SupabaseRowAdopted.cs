namespace CiMigrate.Execution.Events;

/// <summary>
/// <c>baseline --from-supabase</c> marked a file applied on the word of a row of <c>supabase_migrations.schema_migrations</c>:
/// which row, which file, and how they matched (by version and name, or by its statements).
/// </summary>
public sealed record SupabaseRowAdopted(string RowVersion, string? RowName, string Version, string Name, string How) : ExecutionEvent;
