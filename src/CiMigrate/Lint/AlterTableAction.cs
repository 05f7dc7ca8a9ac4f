using CiMigrate.Sql;

namespace CiMigrate.Lint;

/// <summary>
/// One comma-separated action of an ALTER TABLE (<c>ADD COLUMN a int</c>), as a token range of the statement.
/// </summary>
public readonly record struct AlterTableAction(StatementKind Kind, int Start, int End)
{
    /// <summary>The actions of an ALTER TABLE statement, in order; empty for other statements.</summary>
    public static IReadOnlyList<AlterTableAction> Of(SqlStatement statement)
    {
        if (!statement.StartsWith("ALTER", "TABLE"))
            return [];
        var tokens = statement.Tokens;
        var i = 2;
        if (statement.StartsWith("ALTER", "TABLE", "IF", "EXISTS"))
            i += 2;
        if (i < tokens.Count && tokens[i].Is("ONLY"))
            i++;
        i = StatementTokens.SkipQualifiedName(tokens, i);
        if (i < tokens.Count && tokens[i].IsSymbol("*"))
            i++;

        var actions = new List<AlterTableAction>(statement.Actions.Count);
        var start = i;
        for (; i <= tokens.Count; i++)
        {
            if (i < tokens.Count && !(tokens[i].Depth == 0 && tokens[i].IsSymbol(",")))
                continue;
            if (i > start)
            {
                var kind = actions.Count < statement.Actions.Count ? statement.Actions[actions.Count] : StatementKind.AlterTable;
                actions.Add(new AlterTableAction(kind, start, i));
            }

            start = i + 1;
        }

        return actions;
    }

    /// <summary>The index of the first of these consecutive words at the action's top level, or -1.</summary>
    public int IndexOf(SqlStatement statement, params ReadOnlySpan<string> keywords)
    {
        var index = statement.IndexOfKeywords(Start, keywords);
        return index >= 0 && index + keywords.Length <= End ? index : -1;
    }

    public bool Contains(SqlStatement statement, params ReadOnlySpan<string> keywords) => IndexOf(statement, keywords) >= 0;
}
