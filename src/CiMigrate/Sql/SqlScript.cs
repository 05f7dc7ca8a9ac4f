namespace CiMigrate.Sql;

/// <summary>A SQL file read the way PostgreSQL's psql reads it: its statements, each with text, place and kind.</summary>
public sealed class SqlScript
{
    readonly LineMap _lines;

    SqlScript(string path, string text, LineMap lines, IReadOnlyList<SqlStatement> statements)
    {
        Path = path;
        Text = text;
        _lines = lines;
        Statements = statements;
    }

    /// <summary>The path given to <see cref="Parse"/>, used in every location and error.</summary>
    public string Path { get; }

    public string Text { get; }

    public IReadOnlyList<SqlStatement> Statements { get; }

    /// <summary>
    /// Splits and classifies <paramref name="text"/>. A leading BOM is skipped; CRLF and LF give the same
    /// statements. Throws <see cref="SqlSyntaxException"/> for an unterminated string, quoted identifier, comment
    /// or dollar quote (at where it starts) and for a psql meta-command.
    /// </summary>
    public static SqlScript Parse(string text, string path)
    {
        var lines = new LineMap(text);
        var statements = new StatementSplitter(text, path, lines).Split();
        return new SqlScript(path, text, lines, statements);
    }

    /// <summary>The 1-based line and column of a char offset of <see cref="Text"/>.</summary>
    public SqlLocation LineColumnOf(int offset) => _lines.LocationOf(offset);
}
