namespace CiMigrate.Planning;

/// <summary>A foreign key: <paramref name="From"/>'s <paramref name="Columns"/> reference <paramref name="To"/>.</summary>
/// <param name="Optional">The referencing columns may be null: a row need not have a parent.</param>
public sealed record Relationship(string From, string To, string Columns, bool Optional);
