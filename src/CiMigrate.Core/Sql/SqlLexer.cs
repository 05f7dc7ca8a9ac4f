using static CiMigrate.Sql.SqlChars;

namespace CiMigrate.Sql;

/// <summary>
/// PostgreSQL's lexical rules (src/backend/parser/scan.l) in one forward pass over the chars, no regex, no
/// allocation per char. Whitespace is skipped; comments are returned so the splitter can attach them.
/// A backslash outside quotes is a psql meta-command, which plain SQL never contains.
/// </summary>
sealed class SqlLexer(string text, string path, LineMap lines)
{
    int _position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;

    public bool Next(out RawToken token)
    {
        SkipWhitespace();
        if (_position >= text.Length)
        {
            token = default;
            return false;
        }

        var start = _position;
        var kind = Scan(text[start]);
        token = new RawToken(kind, start, _position - start);
        return true;
    }

    SqlTokenKind Scan(char c)
    {
        var next = Peek(1);
        switch (c)
        {
            case '-' when next == '-':
                SkipLine();
                return SqlTokenKind.LineComment;
            case '/' when next == '*':
                SkipBlockComment();
                return SqlTokenKind.BlockComment;
            case '\'':
                SkipQuoted(_position, backslashEscapes: false, "unterminated quoted string");
                return SqlTokenKind.String;
            case '"':
                SkipQuoted(_position, backslashEscapes: false, "unterminated quoted identifier");
                return SqlTokenKind.QuotedIdentifier;
            case '$':
                return ScanDollar();
            case ';':
                _position++;
                return SqlTokenKind.Semicolon;
            case ':' when next == ':':
                _position += 2;
                return SqlTokenKind.Cast;
            case '(' or ')' or '[' or ']' or ',' or ':':
                _position++;
                return SqlTokenKind.Punctuation;
            case '.' when !IsDigit(next):
                _position++;
                return SqlTokenKind.Punctuation;
            case '\\':
                throw MetaCommand();
        }

        if (IsDigit(c) || c == '.')
        {
            ScanNumber();
            return SqlTokenKind.Number;
        }

        if (IsIdentifierStart(c))
            return ScanWordOrPrefixedString(c, next);

        if (IsOperatorChar(c))
        {
            ScanOperator();
            return SqlTokenKind.Operator;
        }

        // Anything else (a stray control char, say) is one token; PostgreSQL reports it, not us.
        _position++;
        return SqlTokenKind.Operator;
    }

    /// <summary>A word, or the prefix of <c>E'..'</c>, <c>N'..'</c>, <c>B'..'</c>, <c>X'..'</c>, <c>U&amp;'..'</c>, <c>U&amp;".."</c>.</summary>
    SqlTokenKind ScanWordOrPrefixedString(char c, char next)
    {
        var start = _position;
        if (next == '\'')
        {
            var (kind, unterminated, escapes) = c switch
            {
                'e' or 'E' => (SqlTokenKind.String, "unterminated quoted string", true),
                'n' or 'N' => (SqlTokenKind.String, "unterminated quoted string", false),
                'b' or 'B' => (SqlTokenKind.BitString, "unterminated bit string literal", false),
                'x' or 'X' => (SqlTokenKind.BitString, "unterminated hexadecimal string literal", false),
                _ => (SqlTokenKind.Word, "", false),
            };
            if (kind != SqlTokenKind.Word)
            {
                _position++;
                SkipQuoted(start, escapes, unterminated);
                return kind;
            }
        }

        if (c is 'u' or 'U' && next == '&' && Peek(2) is '\'' or '"')
        {
            var isString = Peek(2) == '\'';
            _position += 2;
            SkipQuoted(start, backslashEscapes: false,
                isString ? "unterminated quoted string" : "unterminated quoted identifier");
            return isString ? SqlTokenKind.String : SqlTokenKind.QuotedIdentifier;
        }

        _position++;
        while (_position < text.Length && IsIdentifierPart(text[_position]))
            _position++;
        return SqlTokenKind.Word;
    }

    /// <summary>
    /// <c>$1</c> is a parameter; <c>$$</c> and <c>$tag$</c> open a dollar quote that only the same tag closes.
    /// A <c>$</c> inside a word (<c>a$b</c>) never gets here: the word consumed it.
    /// </summary>
    SqlTokenKind ScanDollar()
    {
        var start = _position;
        var index = start + 1;
        if (index < text.Length && IsDigit(text[index]))
        {
            while (index < text.Length && IsDigit(text[index]))
                index++;
            _position = index;
            return SqlTokenKind.Parameter;
        }

        if (index < text.Length && IsIdentifierStart(text[index]))
        {
            index++;
            while (index < text.Length && (IsIdentifierStart(text[index]) || IsDigit(text[index])))
                index++;
        }

        if (index >= text.Length || text[index] != '$')
        {
            // A lone '$' is not valid SQL; let PostgreSQL say so.
            _position = start + 1;
            return SqlTokenKind.Operator;
        }

        var delimiter = text.AsSpan(start, index + 1 - start);
        var close = text.AsSpan(index + 1).IndexOf(delimiter, StringComparison.Ordinal);
        if (close < 0)
            throw Error(start, "unterminated dollar-quoted string");
        _position = index + 1 + close + delimiter.Length;
        return SqlTokenKind.DollarString;
    }

    /// <summary>
    /// From the opening quote at the current position past the closing one; a doubled quote is part of the
    /// text, and in <c>E'...'</c> so is any char after a backslash (<c>E'it\'s'</c>).
    /// </summary>
    void SkipQuoted(int tokenStart, bool backslashEscapes, string unterminated)
    {
        var quote = text[_position];
        _position++;
        while (true)
        {
            var span = text.AsSpan(_position);
            var index = backslashEscapes ? span.IndexOfAny(quote, '\\') : span.IndexOf(quote);
            if (index < 0)
                throw Error(tokenStart, unterminated);
            _position += index + 1;
            if (text[_position - 1] == '\\')
            {
                if (_position >= text.Length)
                    throw Error(tokenStart, unterminated);
                _position++;
                continue;
            }

            if (_position < text.Length && text[_position] == quote)
            {
                _position++;
                continue;
            }

            return;
        }
    }

    /// <summary>Block comments nest in PostgreSQL, unlike the SQL standard.</summary>
    void SkipBlockComment()
    {
        var start = _position;
        var depth = 0;
        while (_position < text.Length)
        {
            var c = text[_position];
            if (c == '/' && Peek(1) == '*')
            {
                depth++;
                _position += 2;
            }
            else if (c == '*' && Peek(1) == '/')
            {
                _position += 2;
                if (--depth == 0)
                    return;
            }
            else
            {
                _position++;
            }
        }

        throw Error(start, "unterminated /* comment");
    }

    void SkipLine()
    {
        var index = text.AsSpan(_position).IndexOfAny('\n', '\r');
        _position = index < 0 ? text.Length : _position + index;
    }

    void SkipWhitespace()
    {
        while (_position < text.Length && text[_position] is ' ' or '\t' or '\n' or '\r' or '\f' or '\v')
            _position++;
    }

    /// <summary>Decimal numbers with fraction and exponent; PostgreSQL 16's <c>0x1F</c> and <c>1_000</c> too.</summary>
    void ScanNumber()
    {
        if (Peek(0) == '0' && Peek(1) is 'x' or 'X' or 'o' or 'O' or 'b' or 'B' && char.IsAsciiHexDigit(Peek(2)))
        {
            _position += 2;
            while (char.IsAsciiHexDigit(Peek(0)) || Peek(0) == '_')
                _position++;
            return;
        }

        SkipDigits();
        if (Peek(0) == '.' && Peek(1) != '.')
        {
            _position++;
            SkipDigits();
        }

        if (Peek(0) is 'e' or 'E' && (IsDigit(Peek(1)) || Peek(1) is '+' or '-' && IsDigit(Peek(2))))
        {
            _position += 2;
            SkipDigits();
        }
    }

    void SkipDigits()
    {
        while (IsDigit(Peek(0)) || Peek(0) == '_')
            _position++;
    }

    /// <summary>An operator ends where a comment starts: <c>*--x</c> is <c>*</c> and a comment.</summary>
    void ScanOperator()
    {
        _position++;
        while (_position < text.Length && IsOperatorChar(text[_position]))
        {
            if (text[_position] == '-' && Peek(1) == '-' || text[_position] == '/' && Peek(1) == '*')
                break;
            _position++;
        }
    }

    SqlSyntaxException MetaCommand()
    {
        var end = _position + 1;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
            end++;
        if (end == _position + 1 && end < text.Length && !char.IsWhiteSpace(text[end]))
            end++;
        var name = text[_position..end];
        return Error(_position, $"psql meta-command '{name}' is not supported: ci-migrate runs plain SQL");
    }

    SqlSyntaxException Error(int offset, string problem)
    {
        var location = lines.LocationOf(offset);
        return new SqlSyntaxException(path, location.Line, location.Column, problem);
    }

    char Peek(int ahead) => _position + ahead < text.Length ? text[_position + ahead] : '\0';
}
