using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;

namespace CiMigrate.Generation;

/// <summary>
/// Objects of a table that are changed by dropping and creating them (policies, triggers): dropped if they exist
/// before each create, dropped alone when no longer declared (and left to DROP TABLE when their table goes).
/// </summary>
public static class RecreatedDdl
{
    public static IEnumerable<DdlStep> Of(SchemaChange change, GenerationContext context, string drop,
        Func<CatalogObject, string> create, DdlPhase dropPhase, DdlPhase createPhase)
    {
        var o = change.Object;
        var restore = change.Before is { } before ? Ddl.Lines(drop, create(before)) : drop;
        if (change.Change == ChangeType.Removed)
        {
            var gone = context.IsDroppedTable(o.Schema, o.Parent!);
            yield return DdlStep.InMain(dropPhase, gone ? "" : drop, restore);
            yield break;
        }

        yield return DdlStep.InMain(createPhase, Ddl.Lines(drop, create(change.After!)), restore);
    }
}
