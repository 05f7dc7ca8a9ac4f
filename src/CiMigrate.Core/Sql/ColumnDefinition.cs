namespace CiMigrate.Sql;

/// <summary>A column as declared in CREATE TABLE or ADD COLUMN: its name and its type as written, tidied.</summary>
public sealed record ColumnDefinition(string Name, string Type)
{
    /// <summary>The call of its DEFAULT not known to be non-volatile, <c>uuid()</c> (see <see cref="DefaultExpression"/>).</summary>
    public string? VolatileDefault { get; init; }

    static readonly string[] TypeEnd =
        ["NOT", "NULL", "DEFAULT", "PRIMARY", "REFERENCES", "UNIQUE", "CHECK", "CONSTRAINT", "GENERATED", "COLLATE", "USING"];

    static readonly string[] TableConstraintStarts = ["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE", "LIKE"];

    /// <summary>The columns of <c>CREATE TABLE t (a int, b text NOT NULL, PRIMARY KEY (a))</c>.</summary>
    internal static IReadOnlyList<ColumnDefinition> OfCreateTable(IReadOnlyList<SqlToken> tokens)
    {
        var open = -1;
        for (var i = 0; i < tokens.Count && open < 0; i++)
        {
            if (tokens[i].Depth == 0 && tokens[i].IsSymbol("("))
                open = i;
        }

        var columns = new List<ColumnDefinition>();
        if (open < 0)
            return columns;
        var start = open + 1;
        for (var i = start; i < tokens.Count; i++)
        {
            var end = tokens[i].Depth == 0 || (tokens[i].Depth == 1 && tokens[i].IsSymbol(","));
            if (!end)
                continue;
            if (i > start && !IsTableConstraint(tokens[start]))
                columns.Add(Read(tokens, start, i, depth: 1));
            if (tokens[i].Depth == 0)
                break;
            start = i + 1;
        }

        return columns;
    }

    /// <summary>The column whose name is token <paramref name="start"/>, its definition running to <paramref name="end"/>.</summary>
    internal static ColumnDefinition Read(IReadOnlyList<SqlToken> tokens, int start, int end, int depth)
    {
        var typeEnd = start + 1;
        while (typeEnd < end && !(tokens[typeEnd].Depth == depth && Array.Exists(TypeEnd, tokens[typeEnd].Is)))
            typeEnd++;
        var defaultAt = typeEnd;
        while (defaultAt < end && !(tokens[defaultAt].Depth == depth && tokens[defaultAt].Is("DEFAULT")))
            defaultAt++;
        return new ColumnDefinition(tokens[start].Name ?? tokens[start].Text, ColumnTypes.Tidy(TokenText.Join(tokens, start + 1, typeEnd)))
        {
            VolatileDefault = defaultAt < end ? DefaultExpression.VolatileCall(tokens, defaultAt, end, depth) : null,
        };
    }

    static bool IsTableConstraint(SqlToken token) => Array.Exists(TableConstraintStarts, token.Is);
}
