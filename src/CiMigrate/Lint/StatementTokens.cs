using CiMigrate.Diagnostics;
using CiMigrate.Sql;

namespace CiMigrate.Lint;

/// <summary>Small readings of a statement's tokens that several rules share.</summary>
public static class StatementTokens
{
    /// <summary>The index after <c>name</c> or <c>schema.name</c> starting at <paramref name="index"/>.</summary>
    public static int SkipQualifiedName(IReadOnlyList<SqlToken> tokens, int index)
    {
        if (index >= tokens.Count || !tokens[index].IsIdentifier)
            return index;
        index++;
        while (index + 1 < tokens.Count && tokens[index].IsSymbol(".") && tokens[index + 1].IsIdentifier)
            index += 2;
        return index;
    }

    /// <summary>The statement's text from token <paramref name="start"/> up to, not including, token <paramref name="end"/>.</summary>
    public static string TextOf(SqlStatement statement, int start, int end)
    {
        if (start >= end)
            return "";
        var from = statement.Tokens[start].Offset - statement.Offset;
        var to = statement.Tokens[end - 1].End - statement.Offset;
        return statement.Text[from..to];
    }

    /// <summary>
    /// A fix that puts <c>" IF NOT EXISTS"</c> (say) right after token <paramref name="index"/>, whatever spacing
    /// the author used around it.
    /// </summary>
    public static LintFix InsertAfter(SqlStatement statement, int index, string words, string description) =>
        LintFix.Insert(description, statement.Tokens[index].End, " " + words);

    /// <summary>Whether the statement reads <c>schema.name</c> anywhere (<c>auth.users</c> in a view's FROM).</summary>
    public static bool References(SqlStatement statement, string schema, string name)
    {
        var tokens = statement.Tokens;
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (tokens[i].Name == schema && tokens[i + 1].IsSymbol(".") && tokens[i + 2].Name == name)
                return true;
        }

        return false;
    }

    /// <summary><c>AlterTableAddColumn</c> as users write it: <c>ALTER TABLE ADD COLUMN</c>.</summary>
    public static string Describe(StatementKind kind)
    {
        var name = kind.ToString();
        var words = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
                words.Append(' ');
            words.Append(char.ToUpperInvariant(name[i]));
        }

        return words.ToString();
    }

    /// <summary>
    /// The roles of a GRANT (after <c>TO</c>) or REVOKE (after <c>FROM</c>), lower-case: <c>public</c>, <c>anon</c>.
    /// </summary>
    public static IReadOnlyList<string> Grantees(SqlStatement statement)
    {
        var start = statement.IndexOfKeywords(0, statement.Kind == StatementKind.Revoke ? "FROM" : "TO");
        var roles = new List<string>();
        if (start < 0)
            return roles;
        for (var i = start + 1; i < statement.Tokens.Count; i++)
        {
            var token = statement.Tokens[i];
            if (token.Is("WITH") || token.Is("GRANTED") || token.Is("CASCADE") || token.Is("RESTRICT"))
                break;
            if (token.IsIdentifier && !token.Is("GROUP"))
                roles.Add(token.Name!);
        }

        return roles;
    }

    /// <summary>Whether a GRANT or REVOKE is on <c>ALL TABLES IN SCHEMA</c> (<paramref name="what"/> = TABLES, FUNCTIONS, ...).</summary>
    public static bool IsOnAllInSchema(SqlStatement statement, string what)
    {
        var on = statement.IndexOfKeywords(0, "ON", "ALL", what, "IN", "SCHEMA");
        return on >= 0;
    }
}
