using System.Text.RegularExpressions;
using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;

namespace CiMigrate.Generation;

/// <summary>
/// Keys and checks. On a table that already exists they are added the linter's safe way: a foreign key or check
/// <c>NOT VALID</c>, validated in the next file; a unique or primary key through a unique index built concurrently and
/// attached with <c>USING INDEX</c>. A new table's keys are written inside its CREATE TABLE, its foreign keys after all tables.
/// </summary>
public static partial class ConstraintDdl
{
    public static IEnumerable<DdlStep> Of(SchemaChange change, GenerationContext context)
    {
        var o = change.Object;
        var table = Ddl.TableOf(o);
        var drop = $"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {Ddl.Ident(o.Name)};";
        var foreign = o["type"] == "foreign key";
        var phase = foreign ? DdlPhase.CreateForeignKey : DdlPhase.CreateConstraint;
        if (o["type"] is "trigger")
        {
            context.CannotGenerate(o, "constraint triggers are not generated; write their migration by hand");
            yield break;
        }

        if (change.Change == ChangeType.Added && context.IsNewTable(o.Schema, o.Parent!))
        {
            if (foreign)
                yield return DdlStep.InMain(phase, Ddl.Lines(drop, Add(table, change.After!, notValid: false)), drop);
            yield break;
        }

        if (change.Change == ChangeType.Removed)
        {
            var dropped = context.IsDroppedTable(o.Schema, o.Parent!);
            if (dropped && !foreign)
                yield break;
            yield return DdlStep.InMain(foreign ? DdlPhase.DropForeignKey : DdlPhase.DropConstraint, dropped ? "" : drop,
                Ddl.Lines(drop, Add(table, change.Before!, notValid: false)));
            yield break;
        }

        var after = change.After!;
        var restore = change.Before is { } before ? Ddl.Lines(drop, Add(table, before, notValid: false)) : drop;
        if (after["type"] is "primary key" or "unique" && KeyColumns().Match(after["definition"]!) is { Success: true } key)
        {
            var index = Ddl.Qualified(o.Schema, o.Name);
            var unique = $"CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS {Ddl.Ident(o.Name)} ON {table} ({key.Groups["columns"].Value});";
            yield return DdlStep.InMain(DdlPhase.DropConstraint, change.Before is null ? "" : drop, change.Before is null ? "" : restore);
            var dropIndex = $"DROP INDEX CONCURRENTLY IF EXISTS {index};";
            yield return new DdlStep(GeneratedPart.ConcurrentIndexes, DdlPhase.CreateIndex, Ddl.Lines(dropIndex, unique), dropIndex);
            yield return new DdlStep(GeneratedPart.Validation, phase,
                $"""
                DO $attach$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = {Ddl.Literal(o.Name)} AND conrelid = {Ddl.Literal(table)}::regclass) THEN
                        ALTER TABLE {table} ADD CONSTRAINT {Ddl.Ident(o.Name)} {(after["type"] == "unique" ? "UNIQUE" : "PRIMARY KEY")} USING INDEX {Ddl.Ident(o.Name)};
                    END IF;
                END
                $attach$;
                """,
                Ddl.Lines(drop, unique.Replace(" CONCURRENTLY", "", StringComparison.Ordinal)));
            yield break;
        }

        var checkedLater = after["type"] is "foreign key" or "check" && after["validated"] == "yes";
        var addNow = Ddl.Lines(drop, Add(table, after, notValid: checkedLater));
        var lockSuppression = after["type"] is "primary key" or "unique" or "exclusion"
            ? "-- ci-migrate:ignore unique-constraint-without-index the declared key cannot be built from a plain unique index\n"
            : "";
        yield return DdlStep.InMain(phase, lockSuppression + addNow, restore);
        if (checkedLater)
        {
            yield return new DdlStep(GeneratedPart.Validation, phase, $"ALTER TABLE {table} VALIDATE CONSTRAINT {Ddl.Ident(o.Name)};",
                Ddl.Lines(drop, Add(table, after, notValid: true)));
        }
    }

    /// <summary>ADD CONSTRAINT as the catalog prints it; NOT VALID when asked or when the declared one is not validated.</summary>
    static string Add(string table, CatalogObject constraint, bool notValid)
    {
        var definition = constraint["definition"]!;
        var suffix = notValid && !definition.EndsWith(" NOT VALID", StringComparison.Ordinal) ? " NOT VALID" : "";
        return $"ALTER TABLE {table} ADD CONSTRAINT {Ddl.Ident(constraint.Name)} {definition}{suffix};";
    }

    [GeneratedRegex(@"^(PRIMARY KEY|UNIQUE) \((?<columns>[^()]+)\)$")]
    private static partial Regex KeyColumns();
}
