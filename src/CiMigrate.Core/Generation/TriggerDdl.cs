using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;

namespace CiMigrate.Generation;

/// <summary>Triggers: dropped if they exist and created as the catalog prints them, then disabled if declared so.</summary>
public static class TriggerDdl
{
    public static IEnumerable<DdlStep> Of(SchemaChange change, GenerationContext context)
    {
        var o = change.Object;
        var drop = context.OnSchema(o.Schema, $"DROP TRIGGER IF EXISTS {Ddl.Ident(o.Name)} ON {Ddl.TableOf(o)};");
        return RecreatedDdl.Of(change, context, drop, trigger => Create(trigger, context), DdlPhase.DropTrigger, DdlPhase.CreateTrigger);
    }

    static string Create(CatalogObject trigger, GenerationContext context)
    {
        var state = trigger["enabled"] switch
        {
            "disabled" => "DISABLE TRIGGER",
            "replica only" => "ENABLE REPLICA TRIGGER",
            "always" => "ENABLE ALWAYS TRIGGER",
            _ => null,
        };
        return Ddl.Lines(
            context.OnSchema(trigger.Schema, Ddl.Statement(trigger["definition"]!)),
            state is null ? null : context.OnSchema(trigger.Schema, $"ALTER TABLE {Ddl.TableOf(trigger)} {state} {Ddl.Ident(trigger.Name)};"));
    }
}
