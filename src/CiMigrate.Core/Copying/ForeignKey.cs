namespace CiMigrate.Copying;

/// <summary>
/// A foreign key of a copied table: what it references, whether it can be checked at commit instead, and whether it
/// stays on its table while the rows load (<see cref="DeferredIndexes"/> takes all others off and adds them after).
/// </summary>
public sealed record ForeignKey(string Table, string Name, string ReferencedSchema, string ReferencedTable, bool Deferrable, bool KeptDuringLoad);
