using CiMigrate.Migrations;
using CiMigrate.Planning.Catalog;
using CiMigrate.Sql;

namespace CiMigrate.Planning;

/// <summary>
/// The locks the pending migrations take on tables that already exist (a new table has no readers to block),
/// from each statement's kind. Lock modes as documented in https://www.postgresql.org/docs/current/explicit-locking.html
/// and on each ALTER TABLE form; only modes that block the app's reads or writes are reported.
/// </summary>
public static class LockHazards
{
    const string AccessExclusive = "ACCESS EXCLUSIVE";
    const string Share = "SHARE";
    const string ShareRowExclusive = "SHARE ROW EXCLUSIVE";
    const string ShareUpdateExclusive = "SHARE UPDATE EXCLUSIVE";

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
                if (Lock(statement) is not { } mode || mode == ShareUpdateExclusive)
                    continue;
                if (TableOf(statement, schema, before) is not { } table || !before.HasTable(table.Schema, table.Name))
                    continue;
                hazards.Add(new Hazard(HazardKind.Lock, $"{table.Schema}.{table.Name}", Message(mode, table, statement))
                {
                    Lock = mode,
                    Advice = Advice(statement),
                    File = migration.Up.DisplayPath,
                    Line = statement.Line,
                    Column = statement.Column,
                });
            }
        }

        return hazards;
    }

    /// <summary>The strongest lock the statement takes on its table, or null when it takes none worth naming.</summary>
    public static string? Lock(SqlStatement statement) => statement.Kind switch
    {
        StatementKind.CreateIndex => statement.IsConcurrently ? ShareUpdateExclusive : Share,
        StatementKind.DropIndex => statement.IsConcurrently ? ShareUpdateExclusive : AccessExclusive,
        StatementKind.CreateTrigger => ShareRowExclusive,
        StatementKind.DropTrigger or StatementKind.CreatePolicy or StatementKind.AlterPolicy or StatementKind.DropPolicy
            or StatementKind.DropTable or StatementKind.Truncate => AccessExclusive,
        >= StatementKind.AlterTable and <= StatementKind.AlterTableDetachPartition =>
            statement.Actions.Select(a => AlterTableLock(a, statement)).MaxBy(Strength),
        _ => null,
    };

    static string AlterTableLock(StatementKind action, SqlStatement statement) => action switch
    {
        StatementKind.AlterTableValidateConstraint or StatementKind.AlterTableAttachPartition => ShareUpdateExclusive,
        StatementKind.AlterTableDetachPartition when statement.IsConcurrently => ShareUpdateExclusive,
        StatementKind.AlterTableEnableTrigger or StatementKind.AlterTableDisableTrigger => ShareRowExclusive,
        StatementKind.AlterTableAddConstraint when statement.ContainsKeyword("REFERENCES") && statement.Actions.Count == 1 => ShareRowExclusive,
        _ => AccessExclusive,
    };

    static int Strength(string mode) => mode switch
    {
        ShareUpdateExclusive => 1,
        Share => 2,
        ShareRowExclusive => 3,
        _ => 4,
    };

    static (string Schema, string Name)? TableOf(SqlStatement statement, string schema, CatalogSnapshot before)
    {
        if (statement.Kind == StatementKind.DropIndex)
        {
            // DROP INDEX names only the index: its table comes from the catalog.
            var index = Split(statement.Target, schema);
            var found = before.Objects.FirstOrDefault(o => o.Kind == ObjectKind.Index && o.Schema == index?.Schema && o.Name == index?.Name);
            return found is null ? null : (found.Schema, found.Parent!);
        }

        return Split(statement.Table, schema);
    }

    static (string Schema, string Name)? Split(string? name, string schema)
    {
        if (name is null)
            return null;
        var dot = name.LastIndexOf('.');
        return dot < 0 ? (schema, name) : (name[..dot][(name[..dot].LastIndexOf('.') + 1)..], name[(dot + 1)..]);
    }

    static string Message(string mode, (string Schema, string Name) table, SqlStatement statement)
    {
        var blocks = mode == AccessExclusive ? "blocks every read and write" : "blocks writes (inserts, updates, deletes)";
        return $"{Excerpt(statement)} takes {(mode.StartsWith('A') ? "an" : "a")} {mode} lock on {table.Schema}.{table.Name}: {blocks} until the migration commits, and waits behind any open transaction on the table";
    }

    static string? Advice(SqlStatement statement) => statement.Kind switch
    {
        StatementKind.CreateIndex => "Use CREATE INDEX CONCURRENTLY in a file marked -- ci-migrate:no-transaction.",
        StatementKind.DropIndex => "Use DROP INDEX CONCURRENTLY in a file marked -- ci-migrate:no-transaction.",
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
