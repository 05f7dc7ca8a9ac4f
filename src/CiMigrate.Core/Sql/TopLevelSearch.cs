namespace CiMigrate.Sql;

/// <summary>Finds consecutive words outside any parentheses, where they belong to the statement itself.</summary>
static class TopLevelSearch
{
    /// <summary>Index of the first token of the words, searching from <paramref name="start"/>; -1 when absent.</summary>
    public static int IndexOf(IReadOnlyList<SqlToken> tokens, int start, ReadOnlySpan<string> keywords)
    {
        for (var i = start; i + keywords.Length <= tokens.Count; i++)
        {
            if (tokens[i].Depth != 0)
                continue;
            var match = true;
            for (var k = 0; k < keywords.Length && match; k++)
                match = tokens[i + k].Is(keywords[k]);
            if (match)
                return i;
        }

        return -1;
    }
}
