namespace CiMigrate.Planning;

/// <summary>The tables a plan adds or changes, with their columns and the foreign keys between them.</summary>
public sealed record EntityDiagram(IReadOnlyList<Entity> Entities, IReadOnlyList<Relationship> Relationships)
{
    public static EntityDiagram Empty { get; } = new([], []);
}
