using System.Text.Json;
using Npgsql;

namespace CiMigrate.Planning.Catalog;

/// <summary>
/// Turns catalog rows into <see cref="CatalogObject"/>s. Schema, parent and attribute names repeat on thousands of
/// rows: one string each is kept, not one per object.
/// </summary>
sealed class CatalogObjectReader
{
    readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads the row at the reader's position, starting at column <paramref name="first"/>: schema, parent, parent kind,
    /// name, identity, attributes (JSON).
    /// </summary>
    public CatalogObject Read(ObjectKind kind, NpgsqlDataReader reader, int first = 0)
    {
        var parentKind = reader.IsDBNull(first + 2) ? (ObjectKind?)null : ParentKind(reader.GetString(first + 2));
        return new CatalogObject(
            kind,
            Intern(reader.GetString(first)),
            reader.IsDBNull(first + 1) ? null : Intern(reader.GetString(first + 1)),
            parentKind,
            reader.GetString(first + 3),
            reader.GetString(first + 4),
            Attributes(reader.GetString(first + 5)));
    }

    string Intern(string value)
    {
        if (_strings.TryGetValue(value, out var kept))
            return kept;
        _strings[value] = value;
        return value;
    }

    static ObjectKind ParentKind(string name) => name switch
    {
        "table" => ObjectKind.Table,
        "view" => ObjectKind.View,
        "sequence" => ObjectKind.Sequence,
        "function" => ObjectKind.Function,
        "schema" => ObjectKind.Schema,
        _ => throw new InvalidOperationException($"Unknown parent kind '{name}' in a catalog query."),
    };

    KeyValuePair<string, string?>[] Attributes(string json)
    {
        using var document = JsonDocument.Parse(json);
        var attributes = new List<KeyValuePair<string, string?>>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            attributes.Add(KeyValuePair.Create(Intern(property.Name),
                property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.GetString()));
        }

        return [.. attributes];
    }
}
