namespace CiMigrate.Sql;

/// <summary>Names as <see cref="SqlStatement.Objects"/> gives them: <c>schema.name</c> or <c>name</c> (a database part ignored).</summary>
public static class SqlNames
{
    /// <summary>The schema part of a qualified name, null when unqualified.</summary>
    public static string? SchemaOf(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot < 0 ? null : name[..dot][(name[..dot].LastIndexOf('.') + 1)..];
    }

    /// <summary>The last part of a qualified name.</summary>
    public static string LastPart(string name) => name[(name.LastIndexOf('.') + 1)..];

    /// <summary>(schema, name), the schema <paramref name="defaultSchema"/> when the name is unqualified.</summary>
    public static (string Schema, string Name) Split(string name, string defaultSchema) => (SchemaOf(name) ?? defaultSchema, LastPart(name));
}
