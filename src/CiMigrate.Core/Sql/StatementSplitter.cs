namespace CiMigrate.Sql;

/// <summary>
/// Splits a file into statements where psql would (src/bin/psql/psqlscanslash.l, psqlscan.l): at a <c>;</c>
/// outside parentheses and outside the <c>BEGIN ATOMIC ... END</c> body of CREATE FUNCTION/PROCEDURE.
/// </summary>
sealed class StatementSplitter(string text, string path, LineMap lines)
{
    readonly List<SqlToken> _tokens = new(256);
    readonly List<SqlStatement> _statements = [];
    List<string>? _leading;
    List<string>? _trailing;
    int _parenDepth;
    int _beginDepth;
    readonly string?[] _firstWords = new string?[4];
    int _wordCount;
    bool _isRoutine;
    int _lastTerminatorEnd = -1;

    public List<SqlStatement> Split()
    {
        var lexer = new SqlLexer(text, path, lines);
        while (lexer.Next(out var raw))
        {
            switch (raw.Kind)
            {
                case SqlTokenKind.LineComment or SqlTokenKind.BlockComment:
                    if (_tokens.Count == 0)
                        AddComment(raw);
                    break;
                case SqlTokenKind.Semicolon when _parenDepth == 0 && _beginDepth == 0:
                    Finish();
                    _lastTerminatorEnd = raw.End;
                    break;
                default:
                    Add(raw);
                    break;
            }
        }

        Finish();
        return _statements;
    }

    /// <summary>
    /// A comment on the line of the previous <c>;</c> belongs to that statement (<c>DROP x; -- approved</c>);
    /// any other comment before a statement leads it.
    /// </summary>
    void AddComment(RawToken raw)
    {
        var comment = text.Substring(raw.Start, raw.Length);
        if (_statements.Count > 0 && _lastTerminatorEnd >= 0
            && !text.AsSpan(_lastTerminatorEnd, raw.Start - _lastTerminatorEnd).Contains('\n'))
        {
            if (_trailing is null)
            {
                _trailing = [];
                _statements[^1].TrailingComments = _trailing;
            }

            _trailing.Add(comment);
            return;
        }

        (_leading ??= []).Add(comment);
    }

    void Add(RawToken raw)
    {
        if (_tokens.Count == 0)
            _trailing = null;

        string tokenText;
        string? keyword = null;
        if (raw.Kind == SqlTokenKind.Word)
        {
            (tokenText, keyword) = KeywordTable.Intern(text.AsSpan(raw.Start, raw.Length));
            TrackAtomicBody(keyword);
        }
        else
        {
            tokenText = text.Substring(raw.Start, raw.Length);
        }

        var depth = _parenDepth;
        if (raw.Kind == SqlTokenKind.Punctuation && raw.Length == 1)
        {
            if (text[raw.Start] == '(')
                _parenDepth++;
            else if (text[raw.Start] == ')' && _parenDepth > 0)
                depth = --_parenDepth;
        }

        _tokens.Add(new SqlToken(raw.Kind, tokenText, raw.Start, depth, keyword));
    }

    /// <summary>
    /// psql's heuristic: in a statement starting CREATE [OR REPLACE] FUNCTION|PROCEDURE, a top-level BEGIN
    /// opens a body that only the matching END closes, and CASE inside it nests another END.
    /// </summary>
    void TrackAtomicBody(string keyword)
    {
        if (_wordCount < _firstWords.Length)
        {
            _firstWords[_wordCount] = keyword;
            _isRoutine = _firstWords[0] == "CREATE"
                && (_firstWords[1] is "FUNCTION" or "PROCEDURE"
                    || _firstWords[1] == "OR" && _firstWords[2] == "REPLACE" && _firstWords[3] is "FUNCTION" or "PROCEDURE");
        }

        _wordCount++;
        if (!_isRoutine || _parenDepth != 0)
            return;
        switch (keyword)
        {
            case "BEGIN":
                _beginDepth++;
                break;
            case "CASE" when _beginDepth >= 1:
                _beginDepth++;
                break;
            case "END" when _beginDepth > 0:
                _beginDepth--;
                break;
        }
    }

    void Finish()
    {
        if (_tokens.Count == 0)
            return;

        var start = _tokens[0].Offset;
        var end = _tokens[^1].End;
        var location = lines.LocationOf(start);
        SqlToken[] tokens = [.. _tokens];
        var classification = StatementClassifier.Classify(tokens);
        _statements.Add(new SqlStatement(lines)
        {
            Path = path,
            Index = _statements.Count,
            Text = text.Substring(start, end - start),
            Line = location.Line,
            Column = location.Column,
            Offset = start,
            LeadingComments = _leading ?? (IReadOnlyList<string>)[],
            Kind = classification.Kind,
            AlterActions = classification.AlterActions,
            ObjectRefs = classification.Objects,
            Tokens = tokens,
            IsOrReplace = classification.IsOrReplace,
            HasIfNotExists = classification.HasIfNotExists,
            HasIfExists = classification.HasIfExists,
            IsConcurrently = classification.IsConcurrently,
        });

        _tokens.Clear();
        _leading = null;
        _trailing = null;
        _parenDepth = 0;
        _beginDepth = 0;
        _wordCount = 0;
        Array.Clear(_firstWords);
        _isRoutine = false;
    }
}
