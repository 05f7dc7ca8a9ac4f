namespace CiMigrate.Planning;

/// <summary>A table in the diagram; a table outside the app's schema (auth.users) is named with its schema.</summary>
/// <param name="Changed">Added or changed by the plan, rather than only referenced by a table that is.</param>
public sealed record Entity(string Name, bool Changed, IReadOnlyList<EntityColumn> Columns);
