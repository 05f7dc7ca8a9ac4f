using CiMigrate.Planning.Catalog;

namespace CiMigrate.Generation;

/// <summary>A column's definition as CREATE TABLE and ADD COLUMN write it, from its catalog attributes.</summary>
public static class ColumnSql
{
    public static string Definition(CatalogObject column)
    {
        var parts = new List<string> { Ddl.Ident(column.Name), column["type"]! };
        if (column["collation"] is { } collation)
            parts.Add($"COLLATE {Ddl.Ident(collation)}");
        if (column["identity"] is { } identity)
            parts.Add($"GENERATED {identity.ToUpperInvariant()} AS IDENTITY");
        else if (column["generated"] is { } generated)
            parts.Add($"GENERATED ALWAYS AS ({generated}) STORED");
        else if (column["default"] is { } value)
            parts.Add($"DEFAULT {value}");
        if (column["nullable"] == "not null")
            parts.Add("NOT NULL");
        return string.Join(" ", parts);
    }
}
