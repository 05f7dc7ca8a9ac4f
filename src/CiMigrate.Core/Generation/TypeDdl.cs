using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;

namespace CiMigrate.Generation;

/// <summary>Enums, domains and composite types. CREATE TYPE has no IF NOT EXISTS: it is guarded, as lint asks.</summary>
public static class TypeDdl
{
    public static IEnumerable<DdlStep> Of(SchemaChange change, GenerationContext context)
    {
        var o = change.Object;
        var kind = (change.After ?? change.Before)!["kind"];
        if (kind is not ("enum" or "domain" or "composite"))
        {
            context.CannotGenerate(o, $"{kind} types are not generated; write the migration by hand");
            yield break;
        }

        var drop = $"DROP {(kind == "domain" ? "DOMAIN" : "TYPE")} IF EXISTS {Ddl.Qualified(o.Schema, o.Name)};";
        switch (change.Change)
        {
            case ChangeType.Added:
                yield return DdlStep.InMain(DdlPhase.CreateType, Create(change.After!), drop);
                break;
            case ChangeType.Removed:
                yield return DdlStep.InMain(DdlPhase.DropType, drop, Create(change.Before!));
                break;
            default:
                var (before, after) = (change.Before!, change.After!);
                if (before["kind"] != after["kind"])
                    context.CannotGenerate(o, $"it changes from {before["kind"]} to {after["kind"]}; drop and declare it under a new name");
                else if (kind == "enum")
                {
                    foreach (var step in EnumDdl.Of(before, after, context))
                        yield return step;
                }
                else if (kind == "domain" && before["baseType"] == after["baseType"])
                    yield return DdlStep.InMain(DdlPhase.CreateType, DomainDdl.Alter(before, after), DomainDdl.Alter(after, before));
                else
                    context.CannotGenerate(o, kind == "domain"
                        ? "a domain's base type cannot be altered; declare a new domain and move the columns"
                        : "a composite type's attributes changed; ALTER TYPE ... ADD/DROP ATTRIBUTE is not generated, write it by hand");
                break;
        }
    }

    static string Create(CatalogObject type) => type["kind"] switch
    {
        "enum" => EnumDdl.Create(type, EnumDdl.Values(type)),
        "domain" => Guarded(type, DomainDdl.Create(type)),
        _ => Guarded(type, $"CREATE TYPE {Ddl.Qualified(type.Schema, type.Name)} AS ({type["attributes"]});"),
    };

    /// <summary>The guard lint's create-or-replace rule asks for: create the type only where it is missing.</summary>
    public static string Guarded(CatalogObject type, string create) => $"""
        DO $create_type$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                           WHERE t.typname = {Ddl.Literal(type.Name)} AND n.nspname = {Ddl.Literal(type.Schema)}) THEN
                {create}
            END IF;
        END
        $create_type$;
        """;
}
