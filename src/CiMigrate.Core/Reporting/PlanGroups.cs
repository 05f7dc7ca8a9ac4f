using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;

namespace CiMigrate.Reporting;

/// <summary>Changes grouped the way a reviewer reads them: per table, then the other objects of each schema.</summary>
public static class PlanGroups
{
    public static IReadOnlyList<PlanGroup> ByTable(IReadOnlyList<SchemaChange> changes) =>
    [
        .. changes
            .GroupBy(c => c.Table is { } table ? $"table {c.Schema}.{table}" : $"schema {c.Schema}")
            .OrderBy(g => g.Key.StartsWith("schema ", StringComparison.Ordinal))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PlanGroup(Title(g.Key, g.ToList()), [.. g])),
    ];

    static string Title(string key, IReadOnlyList<SchemaChange> changes)
    {
        var table = changes.FirstOrDefault(c => c.Kind == ObjectKind.Table);
        return table is null ? key : $"{key} ({(table.Change == ChangeType.Renamed ? $"renamed from {table.PreviousName}" : PlanLabels.Of(table.Change))})";
    }
}
