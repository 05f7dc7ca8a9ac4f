using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;

namespace CiMigrate.Generation;

/// <summary>
/// Views: CREATE OR REPLACE VIEW with security_invoker spelled out both ways (so a replace also turns it off).
/// Materialized views are not generated.
/// </summary>
public static class ViewDdl
{
    public static IEnumerable<DdlStep> Of(SchemaChange change, GenerationContext context)
    {
        var o = change.Object;
        if ((change.After ?? change.Before)!["materialized"] is not null)
        {
            context.CannotGenerate(o, "materialized views are not generated (their data and refresh are the migration's business); write it by hand");
            yield break;
        }

        var drop = $"DROP VIEW IF EXISTS {Ddl.Qualified(o.Schema, o.Name)};";
        switch (change.Change)
        {
            case ChangeType.Added:
                yield return DdlStep.InMain(DdlPhase.CreateView, Create(change.After!), drop);
                break;
            case ChangeType.Removed:
                yield return DdlStep.InMain(DdlPhase.DropView,
                    $"-- BREAKING CHANGE: view {o.QualifiedName} is no longer declared.\n{drop}", Create(change.Before!));
                break;
            default:
                yield return DdlStep.InMain(DdlPhase.CreateView, Create(change.After!), Create(change.Before!));
                break;
        }
    }

    public static string Create(CatalogObject view)
    {
        var options = new List<string> { $"security_invoker = {view["securityInvoker"]}" };
        if (view["securityBarrier"] is { } barrier)
            options.Add($"security_barrier = {barrier}");
        return $"CREATE OR REPLACE VIEW {Ddl.Qualified(view.Schema, view.Name)} WITH ({string.Join(", ", options)}) AS\n{Ddl.Statement(view["definition"]!)}";
    }
}
