using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;

namespace CiMigrate.Generation;

/// <summary>Policies: DROP POLICY IF EXISTS before every CREATE POLICY, as the runbook writes them.</summary>
public static class PolicyDdl
{
    public static IEnumerable<DdlStep> Of(SchemaChange change, GenerationContext context)
    {
        var o = change.Object;
        var drop = context.OnSchema(o.Schema, $"DROP POLICY IF EXISTS {Ddl.Ident(o.Name)} ON {Ddl.TableOf(o)};");
        return RecreatedDdl.Of(change, context, drop, policy => Create(policy, context), DdlPhase.DropPolicy, DdlPhase.CreatePolicy);
    }

    static string Create(CatalogObject policy, GenerationContext context)
    {
        var roles = string.Join(", ", (policy["roles"] ?? "public").Split(", ").Select(r => r == "public" ? "PUBLIC" : Ddl.Ident(r)));
        var sql = $"CREATE POLICY {Ddl.Ident(policy.Name)} ON {Ddl.TableOf(policy)} AS {policy["mode"]!.ToUpperInvariant()} " +
            $"FOR {policy["command"]} TO {roles}" +
            (policy["using"] is { } u ? $"\n    USING ({u})" : "") +
            (policy["withCheck"] is { } w ? $"\n    WITH CHECK ({w})" : "") + ";";
        return context.OnSchema(policy.Schema, sql);
    }
}
