using CiMigrate.Execution;
using CiMigrate.Sql;

namespace CiMigrate.Copying;

/// <summary>Names the copy writes into its own SQL, always quoted: table names come from a catalog, not from us.</summary>
static class SqlNames
{
    public static string Qualified(string schema, string name) => $"{Identifiers.Quote(schema)}.{Identifiers.Quote(name)}";

    public static string ColumnList(IEnumerable<CopyColumn> columns) => string.Join(", ", columns.Select(c => Identifiers.Quote(c.Name)));
}
