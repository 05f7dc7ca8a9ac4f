using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;

namespace CiMigrate.Generation;

/// <summary>
/// Sequences: created before the tables whose defaults call them, owned by their column once the tables exist.
/// </summary>
public static class SequenceDdl
{
    public static IEnumerable<DdlStep> Of(SchemaChange change, GenerationContext context)
    {
        var o = change.Object;
        var name = Ddl.Qualified(o.Schema, o.Name);
        var drop = $"DROP SEQUENCE IF EXISTS {name};";
        switch (change.Change)
        {
            case ChangeType.Added:
                yield return DdlStep.InMain(DdlPhase.CreateSequence, Create(change.After!), drop);
                if (change.After!["ownedBy"] is not null)
                    yield return DdlStep.InMain(DdlPhase.OwnSequence, Owner(change.After!)!, $"ALTER SEQUENCE IF EXISTS {name} OWNED BY NONE;");
                break;
            case ChangeType.Removed:
                // The down file creates it before the tables whose defaults call it, and owns it to its column after them.
                yield return DdlStep.InMain(DdlPhase.RemovedDependents, "", Owner(change.Before!) ?? "");
                yield return DdlStep.InMain(DdlPhase.DropSequence, drop, Create(change.Before!));
                break;
            default:
                yield return DdlStep.InMain(DdlPhase.OwnSequence, Alter(change.After!), Alter(change.Before!));
                break;
        }
    }

    static string Create(CatalogObject sequence) => $"CREATE SEQUENCE IF NOT EXISTS {Ddl.Qualified(sequence.Schema, sequence.Name)} {Options(sequence)};";

    static string Alter(CatalogObject sequence) =>
        Ddl.Lines($"ALTER SEQUENCE {Ddl.Qualified(sequence.Schema, sequence.Name)} {Options(sequence)};", Owner(sequence) ?? $"ALTER SEQUENCE {Ddl.Qualified(sequence.Schema, sequence.Name)} OWNED BY NONE;");

    static string Options(CatalogObject s) =>
        $"AS {s["type"]} INCREMENT BY {s["increment"]} MINVALUE {s["minimum"]} MAXVALUE {s["maximum"]} START WITH {s["start"]} {(s["cycle"] == "yes" ? "CYCLE" : "NO CYCLE")}";

    static string? Owner(CatalogObject sequence)
    {
        if (sequence["ownedBy"] is not { } owner)
            return null;
        var parts = owner.Split('.');
        return $"ALTER SEQUENCE {Ddl.Qualified(sequence.Schema, sequence.Name)} OWNED BY {Ddl.Qualified(parts[0], parts[1])}.{Ddl.Ident(parts[2])};";
    }
}
