using CiMigrate.Migrations;
using CiMigrate.Planning.Catalog;
using CiMigrate.Sql;

namespace CiMigrate.Planning;

/// <summary>
/// The locks the pending migrations take on tables that already exist (a new table has no readers to block), as
/// the SQL layer reads them (<see cref="SqlStatement.Lock"/>); only modes that block the app's reads or writes are reported.
/// </summary>
public static class LockHazards
{
    public static IReadOnlyList<Hazard> Of(string appSchema, IReadOnlyList<Migration> pending, CatalogSnapshot before)
    {
        var hazards = new List<Hazard>();
        foreach (var migration in pending)
        {
            var schema = appSchema;
            foreach (var statement in migration.Up.Script.Statements)
            {
                if (statement.Kind == StatementKind.SetSearchPath && statement.Objects.Count > 0)
                    schema = statement.Objects[0];
                if (statement.Lock is not { BlocksWrites: true } mode)
                    continue;
                if (TableOf(statement, schema, before) is not { } table || !before.HasTable(table.Schema, table.Name))
                    continue;
                hazards.Add(new Hazard(HazardKind.Lock, $"{table.Schema}.{table.Name}", Message(mode, table, statement))
                {
                    Lock = mode.Name,
                    Advice = Advice(statement),
                    File = migration.Up.DisplayPath,
                    Line = statement.Line,
                    Column = statement.Column,
                    Excerpt = statement.Excerpt,
                });
            }
        }

        return hazards;
    }

    /// <summary>The index names DROP INDEX statements name: the plan's narrowed catalog keeps those indexes.</summary>
    public static IReadOnlyCollection<string> DroppedIndexes(IReadOnlyList<Migration> pending) =>
    [
        .. pending.SelectMany(m => m.Up.Script.Statements)
            .Where(s => s.Kind == StatementKind.DropIndex && s.Target is not null)
            .Select(s => SqlNames.Split(s.Target!, "").Name),
    ];

    static (string Schema, string Name)? TableOf(SqlStatement statement, string schema, CatalogSnapshot before)
    {
        if (statement.Kind == StatementKind.DropIndex)
        {
            // DROP INDEX names only the index: its table comes from the catalog.
            if (statement.Target is null)
                return null;
            var index = SqlNames.Split(statement.Target, schema);
            var found = before.Objects.FirstOrDefault(o => o.Kind == ObjectKind.Index && o.Schema == index.Schema && o.Name == index.Name);
            return found is null ? null : (found.Schema, found.Parent!);
        }

        return statement.Table is null ? null : SqlNames.Split(statement.Table, schema);
    }

    static string Message(LockMode mode, (string Schema, string Name) table, SqlStatement statement) =>
        $"{Excerpt(statement)} takes {(mode.Name.StartsWith('A') ? "an" : "a")} {mode} lock on {table.Schema}.{table.Name}: {mode.Blocks} until the migration commits, and waits behind any open transaction on the table";

    static string? Advice(SqlStatement statement) => statement.Kind switch
    {
        StatementKind.CreateIndex => $"Use CREATE INDEX CONCURRENTLY in a file marked {TransactionMarker.Line}.",
        StatementKind.DropIndex => $"Use DROP INDEX CONCURRENTLY in a file marked {TransactionMarker.Line}.",
        _ when statement.Actions.Contains(StatementKind.AlterTableAddConstraint) && !statement.ContainsKeyword("VALID") =>
            "Add the constraint NOT VALID, then VALIDATE CONSTRAINT in a later migration (SHARE UPDATE EXCLUSIVE: reads and writes go on).",
        _ => "Keep it short: ci-migrate sets lock_timeout (5s by default) and retries, so a blocked lock does not queue the app's queries behind it.",
    };

    static string Excerpt(SqlStatement statement)
    {
        var line = statement.Text.Split('\n')[0].Trim();
        return line.Length <= 60 ? line : line[..57] + "...";
    }
}
