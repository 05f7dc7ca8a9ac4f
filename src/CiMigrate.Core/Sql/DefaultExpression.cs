namespace CiMigrate.Sql;

/// <summary>
/// The DEFAULT of a column definition, read for what adding the column costs: PostgreSQL 11+ stores a non-volatile
/// default once, but calls a volatile one for every existing row, rewriting the table
/// (https://www.postgresql.org/docs/15/sql-altertable.html#SQL-ALTERTABLE-NOTES). A call is known to be safe only
/// when it has no arguments and its function is one of <see cref="NonVolatileFunctions"/>; any other call is assumed
/// volatile, as Squawk's <c>adding-field-with-default</c> assumes.
/// </summary>
static class DefaultExpression
{
    static readonly string[] Ends = ["NOT", "NULL", "CONSTRAINT", "CHECK", "REFERENCES", "UNIQUE", "PRIMARY", "GENERATED", "COLLATE"];

    // Words PostgreSQL's grammar takes with parentheses that are not function calls; what is inside is still read.
    // CURRENT_TIMESTAMP(3) and its kin are SQL's spellings of stable functions, with a precision.
    static readonly string[] Syntax = ["CAST", "COALESCE", "NULLIF", "GREATEST", "LEAST", "ROW", "ARRAY", "EXTRACT", "OVERLAY",
        "POSITION", "SUBSTRING", "TRIM", "CASE", "EXISTS", "IN", "VALUES", "CURRENT_TIMESTAMP", "CURRENT_TIME", "LOCALTIMESTAMP",
        "LOCALTIME"];

    /// <summary>
    /// The first call of the DEFAULT at token <paramref name="at"/> that is not known to be non-volatile, as
    /// <c>uuid()</c> or <c>now(...)</c> (with arguments), or null.
    /// <paramref name="depth"/> is the parenthesis depth of the column definition (1 inside CREATE TABLE's list).
    /// </summary>
    public static string? VolatileCall(IReadOnlyList<SqlToken> tokens, int at, int end, int depth)
    {
        for (var i = at + 1; i + 1 < end; i++)
        {
            var token = tokens[i];
            if (token.Depth == depth && i > at + 1 && Array.Exists(Ends, token.Is))
                return null;
            if (!token.IsIdentifier || !tokens[i + 1].IsSymbol("(") || Array.Exists(Syntax, token.Is) || IsTypeName(tokens, i))
                continue;
            // pg_catalog.now() is still now(); a call qualified with any other schema is a function of the app's.
            var qualified = i > 1 && tokens[i - 1].IsSymbol(".");
            var builtIn = !qualified || tokens[i - 2].Name == "pg_catalog";
            var withoutArguments = i + 2 < end && tokens[i + 2].IsSymbol(")");
            if (!builtIn || !withoutArguments || !NonVolatileFunctions.Contains(token.Name!))
                return $"{(qualified ? $"{tokens[i - 2].Name}." : "")}{token.Name}({(withoutArguments ? "" : "...")})";
        }

        return null;
    }

    /// <summary>A type with a modifier after <c>::</c> or CAST's <c>AS</c> (<c>::varchar(10)</c>), which is no call.</summary>
    static bool IsTypeName(IReadOnlyList<SqlToken> tokens, int index) =>
        index > 0 && (tokens[index - 1].Kind == SqlTokenKind.Cast || tokens[index - 1].Is("AS"));
}
