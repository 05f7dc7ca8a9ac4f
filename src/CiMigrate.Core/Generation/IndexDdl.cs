using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;

namespace CiMigrate.Generation;

/// <summary>
/// Indexes: on a table that already exists, built with CREATE INDEX CONCURRENTLY in the no-transaction file, so
/// writes go on while it builds; on a new table, in the main file with the table.
/// </summary>
public static class IndexDdl
{
    public static IEnumerable<DdlStep> Of(SchemaChange change, GenerationContext context)
    {
        var o = change.Object;
        var name = Ddl.Qualified(o.Schema, o.Name);
        if (change.Change == ChangeType.Removed)
        {
            var gone = context.IsDroppedTable(o.Schema, o.Parent!) || !context.Desired.HasTable(o.Schema, o.Parent!);
            yield return DdlStep.InMain(DdlPhase.DropIndex, gone ? "" : $"DROP INDEX IF EXISTS {name};", Create(change.Before!, concurrently: false));
            yield break;
        }

        if (context.IsNewTable(o.Schema, o.Parent!))
        {
            yield return DdlStep.InMain(DdlPhase.CreateIndex, Create(change.After!, concurrently: false), $"DROP INDEX IF EXISTS {name};");
            yield break;
        }

        // Dropped first even when new: a build that failed part-way leaves an INVALID index that IF NOT EXISTS would keep.
        var drop = $"DROP INDEX CONCURRENTLY IF EXISTS {name};";
        yield return new DdlStep(GeneratedPart.ConcurrentIndexes, DdlPhase.CreateIndex,
            Ddl.Lines(drop, Create(change.After!, concurrently: true)),
            Ddl.Lines(drop, change.Before is { } before ? Create(before, concurrently: true) : null));
    }

    /// <summary>The catalog's CREATE INDEX with IF NOT EXISTS (and CONCURRENTLY) put in.</summary>
    static string Create(CatalogObject index, bool concurrently)
    {
        var definition = index["definition"]!;
        var at = definition.IndexOf(" INDEX ", StringComparison.Ordinal) + " INDEX ".Length;
        return $"{definition[..at]}{(concurrently ? "CONCURRENTLY " : "")}IF NOT EXISTS {definition[at..]};";
    }
}
