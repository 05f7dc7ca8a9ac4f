namespace CiMigrate.Sql;

/// <summary>
/// A significant token of a statement (comments and whitespace are not tokens of a statement).
/// </summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Text">The token exactly as written, quotes included.</param>
/// <param name="Offset">Char offset of the token in the file.</param>
/// <param name="Depth">Parenthesis depth: 0 at the top level of the statement; <c>(</c> and <c>)</c> carry the
/// depth outside them.</param>
/// <param name="Keyword">For a <see cref="SqlTokenKind.Word"/>, the word upper-cased (<c>CREATE</c>); else null.</param>
public readonly record struct SqlToken(SqlTokenKind Kind, string Text, int Offset, int Depth, string? Keyword)
{
    /// <summary>Whether this is the unquoted word <paramref name="keyword"/> (give it upper-case).</summary>
    public bool Is(string keyword) => string.Equals(Keyword, keyword, StringComparison.Ordinal);

    /// <summary>Whether this is the punctuation or operator written exactly as <paramref name="symbol"/>.</summary>
    public bool IsSymbol(string symbol) =>
        Kind is SqlTokenKind.Punctuation or SqlTokenKind.Operator or SqlTokenKind.Cast && Text == symbol;

    /// <summary>A word or a quoted identifier: something that can name an object.</summary>
    public bool IsIdentifier => Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;

    /// <summary>
    /// The name PostgreSQL sees: an unquoted word lower-cased, a quoted identifier without its quotes and with
    /// <c>""</c> undoubled (case kept); null for other tokens.
    /// </summary>
    public string? Name => Kind switch
    {
        SqlTokenKind.Word => Text.ToLowerInvariant(),
        SqlTokenKind.QuotedIdentifier when Text.StartsWith('"') => Text[1..^1].Replace("\"\"", "\""),
        SqlTokenKind.QuotedIdentifier => Text[3..^1].Replace("\"\"", "\""),
        _ => null,
    };

    public int End => Offset + Text.Length;

    public override string ToString() => Text;
}
