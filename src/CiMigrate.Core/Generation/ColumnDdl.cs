using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;

namespace CiMigrate.Generation;

/// <summary>
/// Columns of tables that exist before and after (a new table's come with CREATE TABLE, a dropped one's go with it).
/// SET NOT NULL goes the linter's safe way: a CHECK (... IS NOT NULL) NOT VALID now, validated in the next file.
/// </summary>
public static class ColumnDdl
{
    public static IEnumerable<DdlStep> Of(SchemaChange change, GenerationContext context)
    {
        var column = change.Object;
        if (!context.IsExistingTable(column.Schema, column.Parent!))
            yield break;
        var table = Ddl.TableOf(column);
        var name = Ddl.Ident(column.Name);
        switch (change.Change)
        {
            case ChangeType.Added:
                yield return DdlStep.InMain(DdlPhase.AlterColumn, Add(table, change.After!), $"ALTER TABLE {table} DROP COLUMN IF EXISTS {name};");
                break;
            case ChangeType.Removed:
                yield return DdlStep.InMain(DdlPhase.DropColumn,
                    $"-- BREAKING CHANGE: column {column.QualifiedName} is no longer declared; dropping it loses its values.\n" +
                    $"ALTER TABLE {table} DROP COLUMN IF EXISTS {name};",
                    Add(table, change.Before!));
                break;
            default:
                foreach (var step in Alter(table, change.Before!, change.After!, context))
                    yield return step;
                break;
        }
    }

    static string Add(string table, CatalogObject column)
    {
        var definition = ColumnSql.Definition(column);
        // A NOT NULL column needs its value in every existing row: the declared default gives it, with the table
        // rewritten when that default is volatile, or the ADD fails on a table with rows. Either is the declaration's call.
        var suppression = column["nullable"] == "not null" && column["identity"] is null
            ? column["default"] is { } value && value.Contains('(', StringComparison.Ordinal)
                ? "-- ci-migrate:ignore adding-volatile-default declared NOT NULL with this default: existing rows need a value\n"
                : column["default"] is null && column["generated"] is null
                    ? "-- ci-migrate:ignore adding-required-field declared NOT NULL without a default: backfill before this runs on a table with rows\n"
                    : ""
            : column["generated"] is not null
                ? "-- ci-migrate:ignore adding-volatile-default a declared stored generated column is computed for every row\n"
                : "";
        return $"{suppression}ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {definition};";
    }

    static IEnumerable<DdlStep> Alter(string table, CatalogObject before, CatalogObject after, GenerationContext context)
    {
        var name = Ddl.Ident(after.Name);
        var alter = $"ALTER TABLE {table} ALTER COLUMN {name}";
        if (before["generated"] != after["generated"])
        {
            context.CannotGenerate(after, "a stored generated column's expression cannot be altered in PostgreSQL 15; " +
                "declare a new column (the generator drops and adds it) or write the migration by hand");
            yield break;
        }

        if (before["type"] != after["type"] || before["collation"] != after["collation"])
        {
            yield return DdlStep.InMain(DdlPhase.AlterColumn, TypeChange(alter, after, before), TypeChange(alter, before, after));
        }

        if (before["identity"] != after["identity"] || before["default"] != after["default"])
            yield return DdlStep.InMain(DdlPhase.AlterColumn, Defaults(alter, before, after), Defaults(alter, after, before));

        if (before["nullable"] != after["nullable"])
        {
            if (after["nullable"] == "null")
                yield return DdlStep.InMain(DdlPhase.AlterColumn, $"{alter} DROP NOT NULL;", $"{alter} SET NOT NULL;");
            else
            {
                var check = $"{Ddl.Ident(NotNullCheck(after))}";
                var add = $"ALTER TABLE {table} ADD CONSTRAINT {check} CHECK ({name} IS NOT NULL) NOT VALID;";
                var drop = $"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {check};";
                yield return DdlStep.InMain(DdlPhase.AlterColumn, Ddl.Lines(drop, add), drop);
                yield return new DdlStep(GeneratedPart.Validation, DdlPhase.AlterColumn,
                    Ddl.Lines($"ALTER TABLE {table} VALIDATE CONSTRAINT {check};", $"{alter} SET NOT NULL;", drop),
                    Ddl.Lines($"{alter} DROP NOT NULL;", add));
            }
        }
    }

    /// <summary>The temporary check's name: the table, column and a suffix, within PostgreSQL's 63 bytes.</summary>
    static string NotNullCheck(CatalogObject column)
    {
        var name = $"{column.Parent}_{column.Name}_not_null";
        return name.Length <= 63 ? name : name[^63..];
    }

    static string TypeChange(string alter, CatalogObject to, CatalogObject from)
    {
        var collation = to["collation"] is { } c ? $" COLLATE {Ddl.Ident(c)}" : "";
        var dropDefault = from["default"] is not null ? $"{alter} DROP DEFAULT;\n" : "";
        var setDefault = to["default"] is { } d ? $"\n{alter} SET DEFAULT {d};" : "";
        return $"-- BREAKING CHANGE: {to.QualifiedName} changes type from {from["type"]} to {to["type"]}; apps reading it must follow.\n" +
            $"{dropDefault}-- ci-migrate:ignore changing-column-type the declared type; PostgreSQL rewrites the table under an ACCESS EXCLUSIVE lock\n" +
            $"{alter} TYPE {to["type"]}{collation} USING {Ddl.Ident(to.Name)}::{to["type"]};{setDefault}";
    }

    /// <summary>Default and identity together: a column cannot have both, so the old one goes before the new one comes.</summary>
    static string Defaults(string alter, CatalogObject from, CatalogObject to)
    {
        var statements = new List<string>();
        if (from["default"] is not null && to["default"] is null)
            statements.Add($"{alter} DROP DEFAULT;");
        if (from["identity"] is not null && to["identity"] is null)
            statements.Add($"{alter} DROP IDENTITY IF EXISTS;");
        if (to["identity"] is { } identity)
            statements.Add(from["identity"] is null
                ? $"{alter} ADD GENERATED {identity.ToUpperInvariant()} AS IDENTITY;"
                : from["identity"] != identity ? $"{alter} SET GENERATED {identity.ToUpperInvariant()};" : null!);
        if (to["default"] is { } value && value != from["default"])
            statements.Add($"{alter} SET DEFAULT {value};");
        return Ddl.Lines(statements);
    }
}
