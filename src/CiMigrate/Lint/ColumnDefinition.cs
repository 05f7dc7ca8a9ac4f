using CiMigrate.Sql;

namespace CiMigrate.Lint;

/// <summary>A column as declared in CREATE TABLE or ADD COLUMN: its name and the type as written.</summary>
public sealed record ColumnDefinition(string Name, string Type)
{
    static readonly string[] TypeEnd =
        ["NOT", "NULL", "DEFAULT", "PRIMARY", "REFERENCES", "UNIQUE", "CHECK", "CONSTRAINT", "GENERATED", "COLLATE", "USING"];

    static readonly string[] TableConstraintStarts = ["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE", "LIKE"];

    /// <summary>The columns of <c>CREATE TABLE t (a int, b text NOT NULL, PRIMARY KEY (a))</c>.</summary>
    public static IReadOnlyList<ColumnDefinition> OfCreateTable(SqlStatement statement)
    {
        var tokens = statement.Tokens;
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
                columns.Add(Read(statement, start, i, depth: 1));
            if (tokens[i].Depth == 0)
                break;
            start = i + 1;
        }

        return columns;
    }

    /// <summary>The column an <c>ADD [COLUMN] [IF NOT EXISTS] name type ...</c> action declares.</summary>
    public static ColumnDefinition? OfAddColumn(SqlStatement statement, AlterTableAction action)
    {
        var i = action.Start + 1;
        var tokens = statement.Tokens;
        if (i < action.End && tokens[i].Is("COLUMN"))
            i++;
        if (i + 2 < action.End && tokens[i].Is("IF") && tokens[i + 1].Is("NOT") && tokens[i + 2].Is("EXISTS"))
            i += 3;
        return i < action.End && tokens[i].IsIdentifier ? Read(statement, i, action.End, depth: 0) : null;
    }

    static bool IsTableConstraint(SqlToken token) => Array.Exists(TableConstraintStarts, token.Is);

    static ColumnDefinition Read(SqlStatement statement, int start, int end, int depth)
    {
        var typeEnd = start + 1;
        while (typeEnd < end && !(statement.Tokens[typeEnd].Depth == depth && Array.Exists(TypeEnd, statement.Tokens[typeEnd].Is)))
            typeEnd++;
        return new ColumnDefinition(statement.Tokens[start].Name ?? statement.Tokens[start].Text,
            ColumnTypes.Normalize(StatementTokens.TextOf(statement, start + 1, typeEnd)));
    }
}
