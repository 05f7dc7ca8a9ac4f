using CiMigrate.Sql;

namespace CiMigrate.Lint;

/// <summary><c>ALTER [COLUMN] name [SET DATA] TYPE type [USING ...]</c>: the column and its new type.</summary>
public sealed record TypeChange(string Column, string NewType, bool HasUsing)
{
    public static TypeChange? Of(SqlStatement statement, AlterTableAction action)
    {
        var tokens = statement.Tokens;
        var i = action.Start + 1;
        if (i < action.End && tokens[i].Is("COLUMN"))
            i++;
        if (i >= action.End || tokens[i].Name is not { } column)
            return null;
        var type = action.IndexOf(statement, "TYPE");
        if (type < 0)
            return null;
        var end = type + 1;
        while (end < action.End && !(tokens[end].Depth == 0 && (tokens[end].Is("USING") || tokens[end].Is("COLLATE"))))
            end++;
        return new TypeChange(column, ColumnTypes.Normalize(StatementTokens.TextOf(statement, type + 1, end)),
            end < action.End && tokens[end].Is("USING"));
    }
}
