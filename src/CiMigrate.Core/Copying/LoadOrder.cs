namespace CiMigrate.Copying;

/// <summary>
/// The order tables are loaded in: a table after every table its keys reference (Kahn's algorithm, ties by name).
/// Only keys that stay on their tables during the load constrain the order; the others are added, and checked, after
/// every row is in. Deferrable keys and a table's keys to itself do not either: the first are checked at commit, the
/// second at the end of the table's one COPY statement.
/// </summary>
public sealed record LoadOrder(IReadOnlyList<CopyTable> Tables, ConstraintHandling Handling, IReadOnlyList<string> Cycle)
{
    public static LoadOrder Of(IReadOnlyList<CopyTable> tables, IReadOnlyList<ForeignKey> keys, string schema)
    {
        var names = tables.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var waitsFor = tables.ToDictionary(t => t.Name, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var key in keys.Where(k => k.KeptDuringLoad && !k.Deferrable && k.ReferencedSchema == schema && k.Table != k.ReferencedTable
                     && names.Contains(k.Table) && names.Contains(k.ReferencedTable)))
            waitsFor[key.Table].Add(key.ReferencedTable);

        var ordered = new List<CopyTable>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var remaining = tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        while (remaining.FirstOrDefault(t => waitsFor[t.Name].IsSubsetOf(done)) is { } next)
        {
            ordered.Add(next);
            done.Add(next.Name);
            remaining.Remove(next);
        }

        if (remaining.Count == 0)
            return new LoadOrder(ordered, ConstraintHandling.Ordered, []);
        return new LoadOrder([.. ordered, .. remaining], ConstraintHandling.ReplicationRole, [.. remaining.Select(t => t.Name)]);
    }
}
