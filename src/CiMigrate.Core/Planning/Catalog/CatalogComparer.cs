namespace CiMigrate.Planning.Catalog;

/// <summary>
/// Compares two snapshots object by object. Objects are matched by identity (oid) first when both snapshots
/// come from the same database, which tells a rename from a drop and a create; then by kind, schema, parent and name.
/// </summary>
public static class CatalogComparer
{
    /// <param name="before">The earlier snapshot (for drift: what the migrations produce).</param>
    /// <param name="after">The later snapshot (for drift: what the target has).</param>
    /// <param name="sameDatabase">Both snapshots were read from one database, so oids identify objects.</param>
    public static IReadOnlyList<SchemaChange> Compare(CatalogSnapshot before, CatalogSnapshot after, bool sameDatabase)
    {
        var pairs = new List<(CatalogObject? Before, CatalogObject? After)>();
        var unmatchedAfter = new List<CatalogObject>(after.Objects);
        var unmatchedBefore = new List<CatalogObject>();

        if (sameDatabase)
        {
            var byIdentity = after.Objects.Where(o => o.Identity is not null)
                .ToDictionary(o => (o.Kind, o.Identity!));
            foreach (var old in before.Objects)
            {
                if (old.Identity is not null && byIdentity.Remove((old.Kind, old.Identity), out var match))
                    pairs.Add((old, match));
                else
                    unmatchedBefore.Add(old);
            }

            unmatchedAfter = [.. after.Objects.Where(o => o.Identity is null || byIdentity.ContainsKey((o.Kind, o.Identity)))];
        }
        else
        {
            unmatchedBefore.AddRange(before.Objects);
        }

        var byKey = new Dictionary<ObjectKey, CatalogObject>();
        foreach (var o in unmatchedAfter)
            byKey.TryAdd(o.Key, o);
        foreach (var old in unmatchedBefore)
            pairs.Add(byKey.Remove(old.Key, out var match) ? (old, match) : (old, null));
        pairs.AddRange(byKey.Values.Select(o => ((CatalogObject?)null, (CatalogObject?)o)));

        var afterPosition = Positions(after);
        var beforePosition = Positions(before);
        return
        [
            .. pairs
                .Select(p => Change(p.Before, p.After, after))
                .OfType<SchemaChange>()
                .OrderBy(c => c.Schema, StringComparer.Ordinal)
                .ThenBy(c => c.Table ?? c.Parent ?? c.Name, StringComparer.Ordinal)
                .ThenBy(c => c.Kind == ObjectKind.Table || c.Parent is null ? 0 : 1)
                .ThenBy(c => c.Kind)
                .ThenBy(c => c.After is not null ? afterPosition[c.After] : beforePosition[c.Before!]),
        ];
    }

    static Dictionary<CatalogObject, int> Positions(CatalogSnapshot snapshot)
    {
        var positions = new Dictionary<CatalogObject, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < snapshot.Objects.Count; i++)
            positions[snapshot.Objects[i]] = i;
        return positions;
    }

    static SchemaChange? Change(CatalogObject? before, CatalogObject? after, CatalogSnapshot afterSnapshot)
    {
        SchemaChange change;
        if (before is null)
            change = new SchemaChange(ChangeType.Added, null, after);
        else if (after is null)
            change = new SchemaChange(ChangeType.Removed, before, null);
        else
        {
            var attributes = AttributeChanges(before, after);
            var renamed = before.Name != after.Name;
            if (!renamed && attributes.Count == 0)
                return null;
            change = new SchemaChange(renamed ? ChangeType.Renamed : ChangeType.Altered, before, after) { Attributes = attributes };
        }

        return change with { DataLoss = DataLoss.Of(change, afterSnapshot) };
    }

    static List<AttributeChange> AttributeChanges(CatalogObject before, CatalogObject after)
    {
        var changes = new List<AttributeChange>();
        foreach (var name in before.Attributes.Select(a => a.Key).Union(after.Attributes.Select(a => a.Key)))
        {
            var (old, now) = (before[name], after[name]);
            if (old != now)
                changes.Add(new AttributeChange(name, old, now));
        }

        return changes;
    }
}
