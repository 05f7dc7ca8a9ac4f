using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;

namespace CiMigrate.Generation;

/// <summary>
/// Functions and procedures as pg_get_functiondef prints them (CREATE OR REPLACE). A changed result type or kind
/// cannot be replaced: the function is dropped and created, and its grants given again. A changed signature is a
/// different function to the catalog: the old one is dropped, the new one created.
/// </summary>
public static class FunctionDdl
{
    public static IEnumerable<DdlStep> Of(SchemaChange change, GenerationContext context)
    {
        var o = change.Object;
        var routine = (change.After ?? change.Before)!;
        if (routine["kind"] is not ("function" or "procedure"))
        {
            context.CannotGenerate(o, $"{routine["kind"]} functions are not generated; write the migration by hand");
            yield break;
        }

        switch (change.Change)
        {
            case ChangeType.Added:
                yield return DdlStep.InMain(DdlPhase.CreateFunction, Create(change.After!, context.Desired, recreated: false,
                    context.RevokeUndeclaredDefaults(change.After!, "FUNCTIONS", $"ROUTINE {Ddl.Routine(o.Schema, o.Name)}")), Drop(o));
                break;
            case ChangeType.Removed:
                yield return DdlStep.InMain(DdlPhase.DropFunction,
                    $"-- BREAKING CHANGE: {routine["kind"]} {o.QualifiedName} is no longer declared.\n{Drop(o)}",
                    Create(change.Before!, context.Current, recreated: false));
                break;
            default:
                var before = change.Before!;
                var after = change.After!;
                var recreate = before["returns"] != after["returns"] || before["kind"] != after["kind"];
                yield return DdlStep.InMain(DdlPhase.CreateFunction,
                    recreate ? Ddl.Lines($"-- BREAKING CHANGE: {o.QualifiedName} now returns {after["returns"]}.", Drop(before), Create(after, context.Desired, recreated: true))
                        : Create(after, context.Desired, recreated: false),
                    recreate ? Ddl.Lines(Drop(after), Create(before, context.Current, recreated: true)) : Create(before, context.Current, recreated: false));
                break;
        }
    }

    static string Drop(CatalogObject routine) =>
        $"DROP {(routine["kind"] == "procedure" ? "PROCEDURE" : "FUNCTION")} IF EXISTS {Ddl.Routine(routine.Schema, routine.Name)};";

    /// <summary>
    /// The definition; for a function created anew, also its privileges: a new function may be executed by PUBLIC
    /// until revoked (and by whom the schema's default privileges name, unless declared), and a recreated one has lost the
    /// grants and the comment it had.
    /// </summary>
    static string Create(CatalogObject routine, CatalogSnapshot snapshot, bool recreated, string? undeclaredDefaults = null)
    {
        var grants = snapshot.Objects.Where(g => g.Kind == ObjectKind.Grant && g.ParentKind == ObjectKind.Function
            && g.Schema == routine.Schema && g.Parent == routine.Name).ToList();
        var target = $"ROUTINE {Ddl.Routine(routine.Schema, routine.Name)}";
        var revokePublic = grants.Any(g => g.Name == "PUBLIC") ? null : $"REVOKE ALL ON {target} FROM PUBLIC;";
        return Ddl.Lines(
            Ddl.Statement(routine["definition"]!),
            revokePublic,
            undeclaredDefaults,
            recreated ? Ddl.Lines(grants.Select(g => GrantDdl.Grant(g, target))) : null,
            recreated ? CommentDdl.Restore(routine) : null);
    }
}
