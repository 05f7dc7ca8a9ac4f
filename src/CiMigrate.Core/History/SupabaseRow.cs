namespace CiMigrate.History;

/// <summary>A row of <c>supabase_migrations.schema_migrations</c>: version, name (null when none) and the statements it ran.</summary>
public sealed record SupabaseRow(string Version, string? Name, IReadOnlyList<string> Statements);
