using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;

namespace CiMigrate.Tests.Planning;

/// <summary>
/// What the plan makes of two snapshots, written out in full (every attribute, data loss, hazards, diagram), so that the
/// full snapshots and <see cref="ReplayCatalog"/>'s narrowed ones can be shown to give the same plan.
/// </summary>
static class NarrowedCatalog
{
    public static string Plan(string appSchema, CatalogSnapshot before, CatalogSnapshot after)
    {
        var changes = CatalogComparer.Compare(before, after, sameDatabase: true);
        var diagram = EntityDiagramBuilder.Build(appSchema, changes, after);
        return string.Join("\n", [
            .. changes.Select(Change),
            .. ChangeHazards.Of(appSchema, changes, before).Select(h => $"hazard {h.Kind} {h.Object}: {h.Message} ({h.Lock}; {h.Advice})"),
            .. diagram.Entities.Select(e => $"entity {e.Name} {e.Changed}: " +
                string.Join(", ", e.Columns.Select(c => $"{c.Name} {c.Type} {string.Join("/", c.Keys)}"))),
            .. diagram.Relationships.Select(r => $"relationship {r}"),
        ]);
    }

    public static string Changes(IReadOnlyList<SchemaChange> changes) => string.Join("\n", changes.Select(Change));

    static string Change(SchemaChange change) =>
        $"{CatalogChanges.Describe(change)} | loss {change.DataLoss} | before {Object(change.Before)} | after {Object(change.After)}";

    static string Object(CatalogObject? o) => o is null
        ? "-"
        : $"{o.Kind} {o.QualifiedName} {o.ParentKind} {o.Identity} {{{string.Join(", ", o.Attributes.Select(a => $"{a.Key}={a.Value}"))}}}";
}
