namespace CiMigrate.Sql;

/// <summary>
/// The token walk behind <see cref="SchemaRename"/>: collects edits (file offsets) and problems for one file, going
/// into routine bodies with the same lexer.
/// </summary>
sealed class SchemaRenameWalk(SqlScript file, string from, string to)
{
    public List<(int Offset, int Length, string Replacement)> Edits { get; } = [];
    public List<SchemaRenameProblem> Problems { get; } = [];

    /// <param name="statements">The file's statements, or those of a routine body.</param>
    /// <param name="baseOffset">Where the body's text starts in the file (0 for the file itself).</param>
    public void Statements(IReadOnlyList<SqlStatement> statements, int baseOffset)
    {
        foreach (var statement in statements)
            Statement(statement, baseOffset);
    }

    void Statement(SqlStatement statement, int baseOffset)
    {
        var tokens = statement.Tokens;
        var expectSchema = false;
        var inSearchPath = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var previous = i > 0 ? tokens[i - 1] : default;
            var next = i + 1 < tokens.Count ? tokens[i + 1] : default;
            if (token.Is("SCHEMA"))
            {
                expectSchema = true;
                continue;
            }

            // After SCHEMA: [IF [NOT] EXISTS] name [, name ...] (DROP SCHEMA a, b; GRANT ... ON SCHEMA a, b).
            if (expectSchema && (token.Is("IF") || token.Is("NOT") || token.Is("EXISTS")))
                continue;
            if (expectSchema && token.IsIdentifier)
            {
                if (token.Name == from)
                    Edit(token, baseOffset, to);
                expectSchema = next.IsSymbol(",");
                if (expectSchema)
                    i++;
                continue;
            }

            expectSchema = false;
            if (token.Is("SEARCH_PATH") && (next.Is("TO") || next.IsSymbol("=")))
            {
                inSearchPath = true;
                i++;
                continue;
            }

            if (inSearchPath && (token.IsSymbol(",") || token.IsIdentifier || token.Kind == SqlTokenKind.String))
            {
                if (token.Text.StartsWith('\''))
                    RewritePathString(token, baseOffset);
                else if (token.Name == from)
                    Edit(token, baseOffset, to);
                continue;
            }

            inSearchPath = false;
            if (token.IsIdentifier)
            {
                if (token.Name == from && next.IsSymbol(".") && !previous.IsSymbol("."))
                    Edit(token, baseOffset, to);
                continue;
            }

            if (token.Kind is SqlTokenKind.String or SqlTokenKind.DollarString)
                StringToken(statement, i, baseOffset);
        }
    }

    void StringToken(SqlStatement statement, int index, int baseOffset)
    {
        var tokens = statement.Tokens;
        var token = tokens[index];
        var previous = index > 0 ? tokens[index - 1] : default;
        if (IsRoutineBody(statement, index))
        {
            if (token.Kind == SqlTokenKind.DollarString && SchemaRename.IsCodeLanguage(LanguageOf(statement)))
            {
                Body(token, baseOffset);
                return;
            }
        }
        else if (token.Text.StartsWith('\''))
        {
            if (index + 1 < tokens.Count && tokens[index + 1].Kind == SqlTokenKind.Cast && CastType(tokens, index + 2) is { } type
                && SchemaRename.IsRegType(type))
            {
                RewriteQualifiedString(token, baseOffset);
                return;
            }

            if (previous.IsSymbol("(") && index >= 2 && SchemaRename.IsRelationNameFunction(tokens[index - 2]))
            {
                RewriteQualifiedString(token, baseOffset);
                return;
            }

            if (previous.IsSymbol(",") && index >= 2 && tokens[index - 2].Text.StartsWith('\'')
                && string.Equals(Unquote(tokens[index - 2].Text), "search_path", StringComparison.OrdinalIgnoreCase))
            {
                RewritePathString(token, baseOffset);
                return;
            }

            // COMMENT ON ... IS '...' is documentation for people: its words are kept as written.
            if (statement.Kind == StatementKind.Comment && previous.Is("IS"))
                return;
        }

        if (MentionsSchema(token.Text))
        {
            Problem(token, baseOffset,
                $"the schema name {from} appears inside a string, which may be dynamic SQL (EXECUTE '...') or data; ci-migrate " +
                "rewrites names, never text, so it does not guess here. Write the name through search_path or " +
                "format('%I', current_schema()) instead, or copy without --rename");
        }
    }

    /// <summary>The string that is a routine's body: after AS in CREATE FUNCTION/PROCEDURE, or the block of DO.</summary>
    static bool IsRoutineBody(SqlStatement statement, int index)
    {
        var tokens = statement.Tokens;
        if (tokens[index].Depth != 0)
            return false;
        return statement.Kind switch
        {
            StatementKind.CreateFunction or StatementKind.CreateProcedure => index > 0 && tokens[index - 1].Is("AS"),
            StatementKind.Do => true,
            _ => false,
        };
    }

    /// <summary>The routine's language, lower-case; plpgsql for DO without one; null when not written.</summary>
    static string? LanguageOf(SqlStatement statement)
    {
        var at = statement.IndexOfKeywords(0, "LANGUAGE");
        if (at >= 0 && at + 1 < statement.Tokens.Count)
        {
            var name = statement.Tokens[at + 1];
            return name.Kind == SqlTokenKind.String ? Unquote(name.Text).ToLowerInvariant() : name.Name;
        }

        return statement.Kind == StatementKind.Do ? "plpgsql" : null;
    }

    static SqlToken? CastType(IReadOnlyList<SqlToken> tokens, int at)
    {
        if (at + 2 < tokens.Count && tokens[at].Is("PG_CATALOG") && tokens[at + 1].IsSymbol("."))
            at += 2;
        return at < tokens.Count ? tokens[at] : null;
    }

    /// <summary>Lexes a dollar-quoted body as SQL and walks it; its offsets are shifted back into the file.</summary>
    void Body(SqlToken token, int baseOffset)
    {
        var tagLength = token.Text.IndexOf('$', 1) + 1;
        var content = token.Text[tagLength..^tagLength];
        SqlScript body;
        try
        {
            body = SqlScript.Parse(content, file.Path);
        }
        catch (SqlSyntaxException ex)
        {
            if (MentionsSchema(content))
                Problem(token, baseOffset, $"the routine body cannot be read as SQL ({ex.Problem}), so its schema names cannot be rewritten");
            return;
        }

        Statements(body.Statements, baseOffset + token.Offset + tagLength);
    }

    void RewriteQualifiedString(SqlToken token, int baseOffset)
    {
        var content = Unquote(token.Text);
        foreach (var prefix in new[] { from + ".", $"\"{from}\"." })
        {
            if (content.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (prefix[0] == '"' || content[..from.Length].ToLowerInvariant() == from))
            {
                EditString(token, baseOffset, to + "." + content[prefix.Length..]);
                return;
            }
        }

        if (MentionsSchema(content))
            Problem(token, baseOffset, $"the name {content} holds the schema name {from} in a form ci-migrate does not read");
    }

    void RewritePathString(SqlToken token, int baseOffset)
    {
        var parts = Unquote(token.Text).Split(',').Select(p => p.Trim()).ToList();
        if (!parts.Any(p => p == from || p == $"\"{from}\""))
            return;
        EditString(token, baseOffset, string.Join(", ", parts.Select(p => p == from || p == $"\"{from}\"" ? to : p)));
    }

    bool MentionsSchema(string text)
    {
        for (var at = text.IndexOf(from, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = text.IndexOf(from, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = at == 0 ? ' ' : text[at - 1];
            var after = at + from.Length >= text.Length ? ' ' : text[at + from.Length];
            if (!IsNameChar(before) && !IsNameChar(after))
                return true;
        }

        return false;
    }

    static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    static string Unquote(string literal) => literal[1..^1].Replace("''", "'");

    void EditString(SqlToken token, int baseOffset, string content) =>
        Edits.Add((baseOffset + token.Offset, token.Text.Length, $"'{content.Replace("'", "''")}'"));

    void Edit(SqlToken token, int baseOffset, string replacement) =>
        Edits.Add((baseOffset + token.Offset, token.Text.Length, replacement));

    void Problem(SqlToken token, int baseOffset, string message) =>
        Problems.Add(new SchemaRenameProblem(file.Path, file.LineColumnOf(baseOffset + token.Offset), message));
}
