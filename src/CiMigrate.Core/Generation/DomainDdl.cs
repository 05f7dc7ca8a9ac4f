using CiMigrate.Planning.Catalog;

namespace CiMigrate.Generation;

/// <summary>Domains: base type, default, NOT NULL and named checks (the <c>check:&lt;name&gt;</c> attributes).</summary>
public static class DomainDdl
{
    const string CheckPrefix = "check:";

    public static string Create(CatalogObject domain)
    {
        var parts = new List<string> { $"CREATE DOMAIN {Ddl.Qualified(domain.Schema, domain.Name)} AS {domain["baseType"]}" };
        if (domain["default"] is { } value)
            parts.Add($"DEFAULT {value}");
        if (domain["nullable"] == "not null")
            parts.Add("NOT NULL");
        parts.AddRange(Checks(domain).Select(c => $"CONSTRAINT {Ddl.Ident(c.Key)} {c.Value}"));
        return string.Join(" ", parts) + ";";
    }

    /// <summary>The statements that turn <paramref name="from"/> into <paramref name="to"/> (same base type).</summary>
    public static string Alter(CatalogObject from, CatalogObject to)
    {
        var name = $"ALTER DOMAIN {Ddl.Qualified(to.Schema, to.Name)}";
        var statements = new List<string>();
        if (from["default"] != to["default"])
            statements.Add(to["default"] is { } value ? $"{name} SET DEFAULT {value};" : $"{name} DROP DEFAULT;");
        if (from["nullable"] != to["nullable"])
            statements.Add($"{name} {(to["nullable"] == "not null" ? "SET" : "DROP")} NOT NULL;");
        var (old, now) = (Checks(from).ToDictionary(), Checks(to).ToDictionary());
        foreach (var (check, definition) in old.Where(c => !now.TryGetValue(c.Key, out var d) || d != c.Value))
            statements.Add($"{name} DROP CONSTRAINT IF EXISTS {Ddl.Ident(check)};");
        foreach (var (check, definition) in now.Where(c => !old.TryGetValue(c.Key, out var d) || d != c.Value))
            statements.Add($"{name} ADD CONSTRAINT {Ddl.Ident(check)} {definition};");
        return Ddl.Lines(statements);
    }

    static IEnumerable<KeyValuePair<string, string>> Checks(CatalogObject domain) =>
        domain.Attributes.Where(a => a.Key.StartsWith(CheckPrefix, StringComparison.Ordinal) && a.Value is not null)
            .Select(a => KeyValuePair.Create(a.Key[CheckPrefix.Length..], a.Value!));
}
