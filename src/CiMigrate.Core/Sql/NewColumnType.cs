namespace CiMigrate.Sql;

/// <summary><c>ALTER [COLUMN] name [SET DATA] TYPE type [COLLATE ...] [USING ...]</c>: the column and its new type.</summary>
/// <param name="Type">The type as written, tidied by <see cref="ColumnTypes.Tidy"/>.</param>
public sealed record NewColumnType(string Column, string Type, bool HasUsing)
{
    internal static NewColumnType? Read(AlterTableAction action, IReadOnlyList<SqlToken> tokens)
    {
        if (action.NameToken?.Name is not { } column)
            return null;
        var type = action.IndexOf("TYPE");
        if (type < 0)
            return null;
        var end = type + 1;
        while (end < action.End && !(tokens[end].Depth == 0 && (tokens[end].Is("USING") || tokens[end].Is("COLLATE"))))
            end++;
        return new NewColumnType(column, ColumnTypes.Tidy(TokenText.Join(tokens, type + 1, end)),
            end < action.End && tokens[end].Is("USING"));
    }
}
