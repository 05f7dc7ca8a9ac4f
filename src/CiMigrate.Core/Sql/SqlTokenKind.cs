namespace CiMigrate.Sql;

/// <summary>What a lexeme of PostgreSQL SQL is; keywords are <see cref="Word"/> tokens, as in PostgreSQL's own lexer.</summary>
public enum SqlTokenKind
{
    /// <summary>An unquoted identifier or keyword (<c>create</c>, <c>budgets</c>, <c>a$b</c>).</summary>
    Word,

    /// <summary>A double-quoted identifier, also <c>U&amp;"..."</c>.</summary>
    QuotedIdentifier,

    /// <summary>A string constant: <c>'...'</c>, <c>E'...'</c>, <c>U&amp;'...'</c>, <c>N'...'</c>.</summary>
    String,

    /// <summary>A bit string constant: <c>B'...'</c> or <c>X'...'</c>.</summary>
    BitString,

    /// <summary>A dollar-quoted string: <c>$$...$$</c>, <c>$body$...$body$</c>.</summary>
    DollarString,

    Number,

    /// <summary>A positional parameter: <c>$1</c>.</summary>
    Parameter,

    /// <summary>An operator such as <c>=</c>, <c>&lt;&gt;</c>, <c>||</c>, <c>-&gt;&gt;</c>.</summary>
    Operator,

    /// <summary>The type cast <c>::</c>.</summary>
    Cast,

    /// <summary>One of <c>( ) [ ] , . :</c>.</summary>
    Punctuation,

    Semicolon,
    LineComment,
    BlockComment,
}
