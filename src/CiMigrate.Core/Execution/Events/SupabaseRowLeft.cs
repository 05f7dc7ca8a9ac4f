namespace CiMigrate.Execution.Events;

/// <summary>A row of <c>supabase_migrations.schema_migrations</c> that <c>baseline --from-supabase</c> did not adopt, and why.</summary>
public sealed record SupabaseRowLeft(string Version, string? Name, string Reason) : ExecutionEvent;
