namespace CiMigrate.Sql;

/// <summary>Tokens put back together as text, one space where the author left any white space or comment.</summary>
static class TokenText
{
    public static string Join(IReadOnlyList<SqlToken> tokens, int start, int end)
    {
        var text = new System.Text.StringBuilder();
        for (var i = start; i < end; i++)
        {
            if (i > start && tokens[i].Offset > tokens[i - 1].End)
                text.Append(' ');
            text.Append(tokens[i].Text);
        }

        return text.ToString();
    }
}
