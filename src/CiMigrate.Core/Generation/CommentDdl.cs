using CiMigrate.Planning.Catalog;

namespace CiMigrate.Generation;

/// <summary>COMMENT ON for any object whose comment differs; a removed object's comment comes back in the down file.</summary>
public static class CommentDdl
{
    public static IEnumerable<DdlStep> Of(CatalogObject? before, CatalogObject? after)
    {
        var (old, now) = (before?["comment"], after?["comment"]);
        if (old == now)
            yield break;
        if (after is null)
        {
            yield return DdlStep.InMain(DdlPhase.RemovedDependents, "", Comment(before!, old));
            yield break;
        }

        yield return DdlStep.InMain(DdlPhase.Comment, Comment(after, now), before is null ? "" : Comment(before, old));
    }

    /// <summary>The object's comment given again, for an object dropped and created; null when it has none.</summary>
    public static string? Restore(CatalogObject o) => o["comment"] is { } text ? Comment(o, text) : null;

    static string Comment(CatalogObject o, string? text) =>
        $"COMMENT ON {Target(o)} IS {(text is null ? "NULL" : Ddl.Literal(text))};";

    static string Target(CatalogObject o) => o.Kind switch
    {
        ObjectKind.Column => $"COLUMN {Ddl.TableOf(o)}.{Ddl.Ident(o.Name)}",
        ObjectKind.Constraint => $"CONSTRAINT {Ddl.Ident(o.Name)} ON {Ddl.TableOf(o)}",
        ObjectKind.Policy => $"POLICY {Ddl.Ident(o.Name)} ON {Ddl.TableOf(o)}",
        ObjectKind.Trigger => $"TRIGGER {Ddl.Ident(o.Name)} ON {Ddl.TableOf(o)}",
        ObjectKind.Index => $"INDEX {Ddl.Qualified(o.Schema, o.Name)}",
        ObjectKind.Function => $"{(o["kind"] == "procedure" ? "PROCEDURE" : "FUNCTION")} {Ddl.Routine(o.Schema, o.Name)}",
        ObjectKind.Type => $"{(o["kind"] == "domain" ? "DOMAIN" : "TYPE")} {Ddl.Qualified(o.Schema, o.Name)}",
        ObjectKind.Schema => $"SCHEMA {Ddl.Ident(o.Name)}",
        ObjectKind.View => $"VIEW {Ddl.Qualified(o.Schema, o.Name)}",
        ObjectKind.Sequence => $"SEQUENCE {Ddl.Qualified(o.Schema, o.Name)}",
        _ => $"TABLE {Ddl.Qualified(o.Schema, o.Name)}",
    };
}
