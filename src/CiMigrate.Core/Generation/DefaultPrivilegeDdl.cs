using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;

namespace CiMigrate.Generation;

/// <summary>
/// A default privilege of the app's schema (<c>ALTER DEFAULT PRIVILEGES FOR ROLE r IN SCHEMA s</c>): REVOKE ALL from the
/// grantee, then GRANT what is declared, so the statement gives exactly the declared privileges; the down file the
/// history's.
/// </summary>
public static class DefaultPrivilegeDdl
{
    public static IEnumerable<DdlStep> Of(SchemaChange change, GenerationContext context)
    {
        var o = change.Object;
        var prefix = $"ALTER DEFAULT PRIVILEGES FOR ROLE {Ddl.Ident(o["role"]!)} IN SCHEMA {Ddl.Ident(o.Schema)}";
        var on = o["on"]!;
        var grantee = o["grantee"] == "PUBLIC" ? "PUBLIC" : Ddl.Ident(o["grantee"]!);
        var revoke = $"{prefix} REVOKE ALL ON {on} FROM {grantee};";
        string State(CatalogObject? state) => state is null ? revoke : Ddl.Lines(revoke, Grant(state));
        string Grant(CatalogObject state)
        {
            var privileges = (state["privileges"] ?? "").Split(", ", StringSplitOptions.RemoveEmptyEntries);
            const string grantable = " (grantable)";
            var plain = privileges.Where(p => !p.EndsWith(grantable, StringComparison.Ordinal)).ToList();
            var withOption = privileges.Where(p => p.EndsWith(grantable, StringComparison.Ordinal)).Select(p => p[..^grantable.Length]).ToList();
            return Ddl.Lines(
                plain.Count > 0 ? $"{prefix} GRANT {string.Join(", ", plain)} ON {on} TO {grantee};" : null,
                withOption.Count > 0 ? $"{prefix} GRANT {string.Join(", ", withOption)} ON {on} TO {grantee} WITH GRANT OPTION;" : null);
        }

        yield return DdlStep.InMain(DdlPhase.DefaultPrivilege, context.OnSchema(o.Schema, State(change.After)),
            context.OnSchema(o.Schema, State(change.Before)));
    }
}
