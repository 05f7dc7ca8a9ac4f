namespace CiMigrate.Sql;

/// <summary>The character classes of PostgreSQL's lexer (src/backend/parser/scan.l) that <see cref="SqlLexer"/> scans by.</summary>
static class SqlChars
{
    public static bool IsDigit(char c) => char.IsAsciiDigit(c);

    /// <summary>Any non-ASCII char may start an identifier, as PostgreSQL treats bytes 0x80-0xFF.</summary>
    public static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || c >= '\u0080';

    public static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || IsDigit(c) || c == '$';

    public static bool IsOperatorChar(char c) => c is '+' or '-' or '*' or '/' or '<' or '>' or '=' or '~' or '!' or '@'
        or '#' or '%' or '^' or '&' or '|' or '`' or '?';
}
