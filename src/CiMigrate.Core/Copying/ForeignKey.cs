namespace CiMigrate.Copying;

/// <summary>A foreign key of a copied table: what it references, and whether it can be checked at commit instead.</summary>
public sealed record ForeignKey(string Table, string Name, string ReferencedSchema, string ReferencedTable, bool Deferrable);
