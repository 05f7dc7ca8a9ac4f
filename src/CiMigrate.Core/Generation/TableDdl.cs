using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;

namespace CiMigrate.Generation;

/// <summary>Tables: CREATE TABLE with its columns and keys, DROP TABLE, row level security, UNLOGGED.</summary>
public static class TableDdl
{
    public static IEnumerable<DdlStep> Of(SchemaChange change, GenerationContext context)
    {
        var (before, after) = (change.Before, change.After);
        if ((after ?? before)!["partitioned"] is not null)
        {
            context.CannotGenerate((after ?? before)!, "partitioned tables are not generated; write their migration by hand");
            yield break;
        }

        switch (change.Change)
        {
            case ChangeType.Added:
                yield return DdlStep.InMain(DdlPhase.CreateTable, Create(after!, context.Desired), $"DROP TABLE IF EXISTS {Name(after!)};");
                yield return DdlStep.InMain(DdlPhase.RowLevelSecurity, RowLevelSecurity(after!, null), "");
                yield return DdlStep.InMain(DdlPhase.Grant, context.RevokeUndeclaredDefaults(after!, "TABLES", $"TABLE {Name(after!)}") ?? "", "");
                break;
            case ChangeType.Removed:
                yield return DdlStep.InMain(DdlPhase.RemovedDependents, "", RowLevelSecurity(before!, null));
                yield return DdlStep.InMain(DdlPhase.DropTable,
                    $"-- BREAKING CHANGE: table {before!.QualifiedName} is no longer declared; dropping it loses its rows.\n" +
                    $"DROP TABLE IF EXISTS {Name(before)};",
                    Create(before, context.Current));
                break;
            default:
                if (before!["unlogged"] != after!["unlogged"])
                    yield return DdlStep.InMain(DdlPhase.CreateTable, Persistence(after), Persistence(before));
                yield return DdlStep.InMain(DdlPhase.RowLevelSecurity, RowLevelSecurity(after, before), RowLevelSecurity(before, after));
                break;
        }
    }

    static string Name(CatalogObject table) => Ddl.Qualified(table.Schema, table.Name);

    /// <summary>CREATE TABLE with the columns in order and every key but the foreign ones (those follow all tables).</summary>
    public static string Create(CatalogObject table, CatalogSnapshot snapshot)
    {
        var lines = snapshot.Of(table.Schema, table.Name, ObjectKind.Column).Select(ColumnSql.Definition)
            .Concat(snapshot.Of(table.Schema, table.Name, ObjectKind.Constraint)
                .Where(IsInline)
                .Select(k => $"CONSTRAINT {Ddl.Ident(k.Name)} {k["definition"]}"));
        var unlogged = table["unlogged"] is not null ? "UNLOGGED " : "";
        return $"CREATE {unlogged}TABLE IF NOT EXISTS {Name(table)} (\n    {string.Join(",\n    ", lines)}\n);";
    }

    /// <summary>Keys written inside CREATE TABLE: all but foreign keys, which may point at tables created later.</summary>
    public static bool IsInline(CatalogObject constraint) => constraint["type"] != "foreign key";

    static string Persistence(CatalogObject table) =>
        $"ALTER TABLE {Name(table)} SET {(table["unlogged"] is not null ? "UNLOGGED" : "LOGGED")};";

    /// <summary>The statements that give <paramref name="table"/>'s RLS settings where <paramref name="from"/> had others.</summary>
    static string RowLevelSecurity(CatalogObject table, CatalogObject? from)
    {
        var statements = new List<string>();
        var (enabled, forced) = (table["rowLevelSecurity"], table["forceRowLevelSecurity"]);
        if (enabled != (from?["rowLevelSecurity"] ?? "disabled"))
            statements.Add($"ALTER TABLE {Name(table)} {(enabled == "enabled" ? "ENABLE" : "DISABLE")} ROW LEVEL SECURITY;");
        if (forced != (from?["forceRowLevelSecurity"] ?? "off"))
            statements.Add($"ALTER TABLE {Name(table)} {(forced == "on" ? "FORCE" : "NO FORCE")} ROW LEVEL SECURITY;");
        return Ddl.Lines(statements);
    }
}
