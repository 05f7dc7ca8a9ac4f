namespace CiMigrate.Planning;

/// <summary>A column in the diagram; <paramref name="Keys"/> holds PK, FK and UK as they apply.</summary>
public sealed record EntityColumn(string Name, string Type, IReadOnlyList<string> Keys);
