using CiMigrate.Planning.Catalog;

namespace CiMigrate.Planning;

/// <summary>
/// One object added, removed, altered or renamed between two snapshots, with its attributes before and after.
/// In drift, "before" is what the migrations produce and "after" is what the target has.
/// </summary>
public sealed record SchemaChange(ChangeType Change, CatalogObject? Before, CatalogObject? After)
{
    /// <summary>The object as it is after the change (as it was, for a removal).</summary>
    public CatalogObject Object => After ?? Before!;

    public ObjectKind Kind => Object.Kind;

    public string Schema => Object.Schema;

    /// <summary>The table (or view, function, ...) the object belongs to, else null.</summary>
    public string? Parent => Object.Parent;

    public string Name => Object.Name;

    /// <summary>The name before a rename.</summary>
    public string? PreviousName => Change == ChangeType.Renamed ? Before!.Name : null;

    /// <summary>The attributes whose value differs, in the catalog's order (empty for additions and removals).</summary>
    public IReadOnlyList<AttributeChange> Attributes { get; init; } = [];

    /// <summary>Set when the change loses data (a dropped table or column, a narrowing type change, ...).</summary>
    public string? DataLoss { get; init; }

    public bool IsDestructive => DataLoss is not null;

    /// <summary>The pending migration's statement that made the change (<see cref="StatementAttribution"/>); null in drift.</summary>
    public StatementRef? Statement { get; init; }

    /// <summary>The table this change is grouped under in a plan: its parent table, or itself when it is one.</summary>
    public string? Table => Kind == ObjectKind.Table ? Name
        : Object.ParentKind == ObjectKind.Table ? Parent
        : null;

    public string? BeforeValue(string attribute) => Before?[attribute];

    public string? AfterValue(string attribute) => After?[attribute];
}
