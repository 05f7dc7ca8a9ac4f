using System.Text.RegularExpressions;
using CiMigrate.Planning.Catalog;
using CiMigrate.Sql;

namespace CiMigrate.Generation;

/// <summary>How generated SQL spells names and literals: quoted only where PostgreSQL needs it, as quote_ident does.</summary>
public static partial class Ddl
{
    // PostgreSQL's reserved words (and those not allowed as column names), which quote_ident quotes.
    static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary", "both",
        "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create", "cross",
        "current_catalog", "current_date", "current_role", "current_schema", "current_time", "current_timestamp",
        "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch",
        "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner",
        "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime",
        "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order", "outer",
        "overlaps", "placing", "primary", "references", "returning", "right", "select", "session_user", "similar",
        "some", "symmetric", "system_user", "table", "tablesample", "then", "to", "trailing", "true", "union", "unique",
        "user", "using", "variadic", "verbose", "when", "where", "window", "with",
    };

    public static string Ident(string name) =>
        PlainName().IsMatch(name) && !Reserved.Contains(name) ? name : Identifiers.Quote(name);

    public static string Qualified(string schema, string name) => $"{Ident(schema)}.{Ident(name)}";

    /// <summary>The table (or view) an object of a table belongs to.</summary>
    public static string TableOf(CatalogObject o) => Qualified(o.Schema, o.Parent!);

    /// <summary>A function by its catalog name <c>f(a integer)</c>: the name quoted, the arguments as printed.</summary>
    public static string Routine(string schema, string signature)
    {
        var open = signature.IndexOf('(', StringComparison.Ordinal);
        return $"{Qualified(schema, signature[..open])}{signature[open..]}";
    }

    public static string Literal(string text) => $"'{text.Replace("'", "''")}'";

    public static string Statement(string sql) => sql.TrimEnd().TrimEnd(';').TrimEnd() + ";";

    /// <summary>Statements joined one per line, blank ones left out.</summary>
    public static string Lines(params IEnumerable<string?> statements) =>
        string.Join("\n", statements.Where(s => !string.IsNullOrWhiteSpace(s)));

    [GeneratedRegex("^[a-z_][a-z0-9_$]*$")]
    private static partial Regex PlainName();
}
