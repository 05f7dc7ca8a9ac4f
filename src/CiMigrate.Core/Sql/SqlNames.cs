namespace CiMigrate.Sql;

/// <summary>
/// Names as <see cref="SqlStatement.Objects"/> gives them: <c>schema.name</c> or <c>name</c> (a database part ignored).
/// A part holding a dot or a double quote keeps its quotes (<c>public."Can only view own data."</c>), so a dot
/// inside a quoted identifier is never read as a separator.
/// </summary>
public static class SqlNames
{
    /// <summary>One part of a name, as <see cref="SqlStatement.Objects"/> writes it: quoted only when a dot or a quote would make it ambiguous.</summary>
    public static string Part(string identifier) =>
        identifier.Contains('.') || identifier.Contains('"') ? Identifiers.Quote(identifier) : identifier;

    /// <summary>The parts of a name, each as PostgreSQL sees it (quotes removed, <c>""</c> undoubled).</summary>
    public static IReadOnlyList<string> Parts(string name)
    {
        var parts = new List<string>(2);
        var part = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '"' && quoted && i + 1 < name.Length && name[i + 1] == '"')
            {
                part.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '.' && !quoted)
            {
                parts.Add(part.ToString());
                part.Clear();
            }
            else
            {
                part.Append(c);
            }
        }

        parts.Add(part.ToString());
        return parts;
    }

    /// <summary>The schema part of a qualified name, null when unqualified.</summary>
    public static string? SchemaOf(string name)
    {
        if (name.Contains('"'))
            return Parts(name) is { Count: > 1 } parts ? parts[^2] : null;
        var dot = name.LastIndexOf('.');
        return dot < 0 ? null : name[..dot][(name[..dot].LastIndexOf('.') + 1)..];
    }

    /// <summary>The last part of a qualified name.</summary>
    public static string LastPart(string name) => name.Contains('"') ? Parts(name)[^1] : name[(name.LastIndexOf('.') + 1)..];

    /// <summary>The name without its last part (<c>schema.table</c> of <c>schema.table.column</c>), null when it has one part.</summary>
    public static string? Qualifier(string name)
    {
        var parts = Parts(name);
        return parts.Count > 1 ? string.Join('.', parts.Take(parts.Count - 1).Select(Part)) : null;
    }

    /// <summary>(schema, name), the schema <paramref name="defaultSchema"/> when the name is unqualified.</summary>
    public static (string Schema, string Name) Split(string name, string defaultSchema) => (SchemaOf(name) ?? defaultSchema, LastPart(name));
}
