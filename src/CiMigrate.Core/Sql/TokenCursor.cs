namespace CiMigrate.Sql;

/// <summary>Reads a statement's tokens front to back, the way a reader skims leading keywords.</summary>
sealed class TokenCursor(SqlToken[] tokens, int position = 0)
{
    public int Position { get; set; } = position;

    public SqlToken[] Tokens => tokens;

    public bool AtEnd => Position >= tokens.Length;

    public SqlToken Current => Position < tokens.Length ? tokens[Position] : default;

    public bool Is(string keyword) => Current.Is(keyword);

    /// <summary>Moves past the words when they all come next; otherwise stays.</summary>
    public bool Accept(params ReadOnlySpan<string> keywords)
    {
        if (Position + keywords.Length > tokens.Length)
            return false;
        for (var i = 0; i < keywords.Length; i++)
        {
            if (!tokens[Position + i].Is(keywords[i]))
                return false;
        }

        Position += keywords.Length;
        return true;
    }

    /// <summary>Moves past the next word when it is one of these; returns it.</summary>
    public string? AcceptAny(params ReadOnlySpan<string> keywords)
    {
        foreach (var keyword in keywords)
        {
            if (Current.Is(keyword))
            {
                Position++;
                return keyword;
            }
        }

        return null;
    }

    /// <summary><c>schema.name</c> or <c>name</c> as PostgreSQL resolves the spelling; null when no name is next.</summary>
    public string? QualifiedName()
    {
        if (!Current.IsIdentifier)
            return null;
        var name = SqlNames.Part(Current.Name!);
        Position++;
        while (Position + 1 < tokens.Length && tokens[Position].IsSymbol(".") && tokens[Position + 1].IsIdentifier)
        {
            name = $"{name}.{SqlNames.Part(tokens[Position + 1].Name!)}";
            Position += 2;
        }

        return name;
    }

    /// <summary>
    /// Comma-separated names (<c>a, b.c</c>; function signatures skipped), stopping at any of the words given
    /// or at the end.
    /// </summary>
    public List<string> NameList(params ReadOnlySpan<string> stopWords)
    {
        var names = new List<string>(1);
        while (!AtEnd)
        {
            if (IsAny(stopWords))
                break;
            var name = QualifiedName();
            if (name is not null)
                names.Add(name);
            else
                Position++;
            SkipToTopLevelComma(stopWords);
            if (Current.IsSymbol(","))
                Position++;
        }

        return names;
    }

    /// <summary>Moves to the next word at parenthesis depth 0 that is one of these; false (at the end) if none.</summary>
    public bool SeekTopLevel(params ReadOnlySpan<string> keywords)
    {
        for (; !AtEnd; Position++)
        {
            if (Current.Depth == 0 && IsAny(keywords))
                return true;
        }

        return false;
    }

    void SkipToTopLevelComma(ReadOnlySpan<string> stopWords)
    {
        while (!AtEnd && !(Current.Depth == 0 && (Current.IsSymbol(",") || IsAny(stopWords))))
            Position++;
    }

    bool IsAny(ReadOnlySpan<string> keywords)
    {
        foreach (var keyword in keywords)
        {
            if (Current.Is(keyword))
                return true;
        }

        return false;
    }
}
