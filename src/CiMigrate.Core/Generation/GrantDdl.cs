using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;

namespace CiMigrate.Generation;

/// <summary>
/// Privileges of one grantee on one schema, table, view, sequence or function: REVOKE ALL, then GRANT what is
/// declared (WITH GRANT OPTION where it is grantable), so the statement gives exactly the declared privileges.
/// </summary>
public static class GrantDdl
{
    public static IEnumerable<DdlStep> Of(SchemaChange change, GenerationContext context)
    {
        var o = change.Object;
        var target = Target(o);
        var revoke = $"REVOKE ALL ON {target} FROM {Grantee(o.Name)};";
        var restore = change.Before is { } before ? Ddl.Lines(revoke, Grant(before, target)) : revoke;
        if (change.Change == ChangeType.Removed)
        {
            var gone = o.ParentKind != ObjectKind.Schema && !context.Desired.Objects.Any(x => x.Kind == o.ParentKind && x.Schema == o.Schema && x.Name == o.Parent);
            yield return DdlStep.InMain(DdlPhase.RemovedDependents, gone ? "" : context.OnSchema(o.Schema, revoke), context.OnSchema(o.Schema, restore));
            yield break;
        }

        yield return DdlStep.InMain(DdlPhase.Grant, context.OnSchema(o.Schema, Ddl.Lines(revoke, Grant(change.After!, target))),
            change.Before is null && IsNew(o, context) ? "" : context.OnSchema(o.Schema, restore));
    }

    /// <summary>Grants on an object the down file drops anyway need no revoking there.</summary>
    static bool IsNew(CatalogObject grant, GenerationContext context) =>
        grant.ParentKind != ObjectKind.Schema
        && !context.Current.Objects.Any(x => x.Kind == grant.ParentKind && x.Schema == grant.Schema && x.Name == grant.Parent);

    public static string Target(CatalogObject grant) => grant.ParentKind switch
    {
        ObjectKind.Schema => $"SCHEMA {Ddl.Ident(grant.Schema)}",
        ObjectKind.Sequence => $"SEQUENCE {Ddl.Qualified(grant.Schema, grant.Parent!)}",
        ObjectKind.Function => $"ROUTINE {Ddl.Routine(grant.Schema, grant.Parent!)}",
        _ => $"TABLE {Ddl.Qualified(grant.Schema, grant.Parent!)}",
    };

    static string Grantee(string name) => name == "PUBLIC" ? "PUBLIC" : Ddl.Ident(name);

    /// <summary>Every privilege the object kind has reads as ALL, as the runbook writes it.</summary>
    static string Privileges(List<string> privileges, ObjectKind? on)
    {
        var all = on switch
        {
            ObjectKind.Table or ObjectKind.View => "DELETE, INSERT, REFERENCES, SELECT, TRIGGER, TRUNCATE, UPDATE",
            ObjectKind.Sequence => "SELECT, UPDATE, USAGE",
            ObjectKind.Schema => "CREATE, USAGE",
            _ => null,
        };
        var listed = string.Join(", ", privileges.Order(StringComparer.Ordinal));
        return listed == all ? "ALL" : listed;
    }

    /// <summary>GRANT of the privileges a grant object lists, those marked grantable WITH GRANT OPTION.</summary>
    public static string Grant(CatalogObject grant, string target)
    {
        var privileges = (grant["privileges"] ?? "").Split(", ", StringSplitOptions.RemoveEmptyEntries);
        const string grantable = " (grantable)";
        var plain = privileges.Where(p => !p.EndsWith(grantable, StringComparison.Ordinal)).ToList();
        var withOption = privileges.Where(p => p.EndsWith(grantable, StringComparison.Ordinal)).Select(p => p[..^grantable.Length]).ToList();
        return Ddl.Lines(
            plain.Count > 0 ? $"GRANT {Privileges(plain, grant.ParentKind)} ON {target} TO {Grantee(grant.Name)};" : null,
            withOption.Count > 0 ? $"GRANT {string.Join(", ", withOption)} ON {target} TO {Grantee(grant.Name)} WITH GRANT OPTION;" : null);
    }
}
