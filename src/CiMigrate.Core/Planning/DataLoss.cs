using CiMigrate.Planning.Catalog;
using CiMigrate.Sql;

namespace CiMigrate.Planning;

/// <summary>Decides whether a change loses data, and says how.</summary>
static class DataLoss
{
    public static string? Of(SchemaChange change, CatalogSnapshot after)
    {
        var o = change.Object;
        return (change.Change, o.Kind) switch
        {
            (ChangeType.Removed, ObjectKind.Table) => $"drops table {o.QualifiedName} and all its rows",
            (ChangeType.Removed, ObjectKind.Column) when after.HasTable(o.Schema, o.Parent!) =>
                $"drops column {o.QualifiedName} and its data",
            (ChangeType.Altered or ChangeType.Renamed, ObjectKind.Column) => NarrowedColumn(change),
            (ChangeType.Altered or ChangeType.Renamed, ObjectKind.Type) => DroppedEnumValues(change),
            _ => null,
        };
    }

    static string? NarrowedColumn(SchemaChange change)
    {
        var (before, after) = (change.BeforeValue("type"), change.AfterValue("type"));
        if (before is null || after is null || ColumnTypeChange.Classify(before, after) != TypeChangeEffect.Narrowing)
            return null;
        return $"narrows {change.Object.QualifiedName} from {before} to {after}: values that do not fit make the migration fail or are cut";
    }

    static string? DroppedEnumValues(SchemaChange change)
    {
        if (change.BeforeValue("kind") != "enum")
            return null;
        var after = EnumValues(change.AfterValue("values"));
        var dropped = EnumValues(change.BeforeValue("values")).Where(v => !after.Contains(v)).ToList();
        return dropped.Count == 0
            ? null
            : $"drops enum value{(dropped.Count == 1 ? "" : "s")} {string.Join(", ", dropped)} of {change.Object.QualifiedName}: rows holding them must change first";
    }

    // The values come quoted and comma-separated, as quote_literal prints them.
    static List<string> EnumValues(string? values) =>
        values is null ? [] : [.. values.Split(", ", StringSplitOptions.RemoveEmptyEntries)];
}
