namespace CiMigrate.Planning.Catalog;

/// <summary>
/// The objects of some schemas at one moment, as read by <see cref="CatalogReader"/>: a plain model that can be
/// compared (<see cref="CatalogComparer"/>) and serialized.
/// </summary>
public sealed record CatalogSnapshot(IReadOnlyList<string> Schemas, IReadOnlyList<CatalogObject> Objects)
{
    public static CatalogSnapshot Empty { get; } = new([], []);

    /// <summary>Only the objects of one schema.</summary>
    public CatalogSnapshot Only(string schema) =>
        new([.. Schemas.Where(s => s == schema)], [.. Objects.Where(o => o.Schema == schema)]);

    /// <summary>The objects of every schema except one.</summary>
    public CatalogSnapshot Except(string schema) =>
        new([.. Schemas.Where(s => s != schema)], [.. Objects.Where(o => o.Schema != schema)]);

    public CatalogObject? Find(ObjectKey key) => Objects.FirstOrDefault(o => o.Key == key);

    public bool HasTable(string schema, string table) =>
        Objects.Any(o => o.Kind == ObjectKind.Table && o.Schema == schema && o.Name == table);

    /// <summary>The objects that belong to a table (columns in their order, constraints, indexes, ...).</summary>
    public IEnumerable<CatalogObject> Of(string schema, string table, ObjectKind kind) =>
        Objects.Where(o => o.Kind == kind && o.Schema == schema && o.Parent == table && o.ParentKind == ObjectKind.Table);
}
