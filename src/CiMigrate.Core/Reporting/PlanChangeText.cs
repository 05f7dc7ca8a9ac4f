using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;

namespace CiMigrate.Reporting;

/// <summary>
/// The words every plan renderer uses for a change, so text, markdown and the job summary read alike:
/// <c>column amount</c> / <c>numeric(12,2) not null</c> / <c>type numeric(12,2) → numeric(14,2)</c>.
/// </summary>
public static class PlanChangeText
{
    /// <summary><c>column amount</c>, <c>grant to anon on budgets</c>, <c>function touch()</c>.</summary>
    public static string Subject(SchemaChange change)
    {
        var o = change.Object;
        return o.Kind switch
        {
            ObjectKind.Grant => $"grant to {o.Name} on {Describe(o.ParentKind)} {o.Parent}",
            ObjectKind.Table or ObjectKind.View or ObjectKind.Function or ObjectKind.Sequence or ObjectKind.Type
                or ObjectKind.Extension or ObjectKind.Schema when o.Parent is null => $"{Describe(o.Kind)} {o.Schema}.{o.Name}",
            _ => $"{Describe(o.Kind)} {o.Name}",
        };
    }

    /// <summary>What happened, in a few words: the definition of something added, the attributes that changed.</summary>
    public static string Detail(SchemaChange change) => change.Change switch
    {
        ChangeType.Added => Summary(change.After!),
        ChangeType.Removed => change.IsDestructive ? change.DataLoss! : "removed",
        ChangeType.Renamed => $"renamed from {change.PreviousName}" +
            (change.Attributes.Count > 0 ? "; " + Attributes(change.Attributes) : ""),
        _ => Attributes(change.Attributes),
    };

    public static string Attributes(IEnumerable<AttributeChange> attributes) =>
        string.Join("; ", attributes.Select(a => $"{a.Name} {a.Before ?? "(none)"} → {a.After ?? "(none)"}"));

    /// <summary>The object in one line, as a reviewer wants to see it when it appears.</summary>
    public static string Summary(CatalogObject o) => o.Kind switch
    {
        ObjectKind.Column => Join(o["type"], o["nullable"] == "not null" ? "not null" : null,
            o["default"] is { } d ? $"default {d}" : null, o["identity"] is { } i ? $"generated {i} as identity" : null,
            o["generated"] is { } g ? $"generated always as {g} stored" : null),
        ObjectKind.Constraint or ObjectKind.Index or ObjectKind.Trigger => o["definition"] ?? "",
        ObjectKind.Policy => Join($"{o["mode"]} for {o["command"]} to {o["roles"]}",
            o["using"] is { } u ? $"using {u}" : null, o["withCheck"] is { } w ? $"with check {w}" : null),
        ObjectKind.Grant => Privileges(o),
        ObjectKind.Table => Join($"row level security {o["rowLevelSecurity"]}",
            o["forceRowLevelSecurity"] == "on" ? "forced" : null, o["partitioned"] is not null ? "partitioned" : null,
            o["unlogged"] is not null ? "unlogged" : null),
        ObjectKind.View => Join(o["materialized"] is not null ? "materialized" : null, $"security_invoker {o["securityInvoker"]}"),
        ObjectKind.Function => Join($"returns {o["returns"]}", $"language {o["language"]}",
            o["security"] == "definer" ? "security definer" : null,
            o["searchPath"] is { } p ? $"search_path {p}" : "no search_path set"),
        ObjectKind.Sequence => Join(o["type"], o["ownedBy"] is { } owner ? $"owned by {owner}" : null),
        ObjectKind.Type => Join(o["kind"], o["values"], o["baseType"], o["attributes"], o["constraints"]),
        ObjectKind.Extension => $"version {o["version"]}",
        ObjectKind.DefaultPrivilege => o["privileges"] ?? "",
        _ => "",
    };

    /// <summary>Every privilege the object kind has reads as ALL, as GRANT ALL wrote it.</summary>
    static string Privileges(CatalogObject grant)
    {
        var all = grant.ParentKind switch
        {
            ObjectKind.Table or ObjectKind.View => "DELETE, INSERT, REFERENCES, SELECT, TRIGGER, TRUNCATE, UPDATE",
            ObjectKind.Sequence => "SELECT, UPDATE, USAGE",
            ObjectKind.Schema => "CREATE, USAGE",
            _ => null,
        };
        var privileges = grant["privileges"] ?? "";
        return privileges == all ? "ALL" : privileges;
    }

    public static string Describe(ObjectKind? kind) => kind?.ToString().ToLowerInvariant() ?? "";

    static string Join(params string?[] parts) => string.Join(" ", parts.Where(p => !string.IsNullOrEmpty(p)));
}
