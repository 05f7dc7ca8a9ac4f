using CiMigrate.Planning.Catalog;

namespace CiMigrate.Planning;

/// <summary>Builds the diagram of the tables a plan adds or changes in the app's schema, from the catalog after it.</summary>
public static class EntityDiagramBuilder
{
    public static EntityDiagram Build(string appSchema, IReadOnlyList<SchemaChange> changes, CatalogSnapshot after)
    {
        var changed = changes
            .Where(c => c.Schema == appSchema && c.Table is not null && after.HasTable(appSchema, c.Table))
            .Select(c => c.Table!)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        var entities = new List<Entity>();
        var relationships = new List<Relationship>();
        var referenced = new SortedSet<(string Schema, string Table)>();
        foreach (var table in changed)
        {
            var constraints = after.Of(appSchema, table, ObjectKind.Constraint).ToList();
            var columns = after.Of(appSchema, table, ObjectKind.Column).ToList();
            entities.Add(new Entity(table, true, [.. columns.Select(c => Column(c, constraints))]));
            foreach (var foreignKey in constraints.Where(k => k["type"] == "foreign key" && k["references"] is not null))
            {
                var target = foreignKey["references"]!;
                var dot = target.IndexOf('.');
                var (schema, name) = (target[..dot], target[(dot + 1)..]);
                var keyColumns = (foreignKey["columns"] ?? "").Split(", ");
                var optional = columns.Where(c => keyColumns.Contains(c.Name)).Any(c => c["nullable"] == "null");
                relationships.Add(new Relationship(table, EntityName(appSchema, schema, name), foreignKey["columns"] ?? "", optional));
                if (schema != appSchema || !changed.Contains(name))
                    referenced.Add((schema, name));
            }
        }

        // Tables referenced but not changed appear with their primary key only, enough to anchor the lines.
        foreach (var (schema, table) in referenced)
        {
            var constraints = after.Of(schema, table, ObjectKind.Constraint).ToList();
            var primaryKey = constraints.FirstOrDefault(k => k["type"] == "primary key")?["columns"]?.Split(", ") ?? [];
            var columns = after.Of(schema, table, ObjectKind.Column).Where(c => primaryKey.Contains(c.Name));
            entities.Add(new Entity(EntityName(appSchema, schema, table), false, [.. columns.Select(c => Column(c, constraints))]));
        }

        return new EntityDiagram(entities, relationships);
    }

    static string EntityName(string appSchema, string schema, string table) => schema == appSchema ? table : $"{schema}.{table}";

    static EntityColumn Column(CatalogObject column, IReadOnlyList<CatalogObject> constraints)
    {
        var keys = new List<string>();
        foreach (var (type, key) in new[] { ("primary key", "PK"), ("foreign key", "FK"), ("unique", "UK") })
        {
            if (constraints.Any(k => k["type"] == type && (k["columns"] ?? "").Split(", ").Contains(column.Name)))
                keys.Add(key);
        }

        return new EntityColumn(column.Name, column["type"] ?? "", keys);
    }
}
