namespace CiMigrate.Sql;

/// <summary>A lexeme as the lexer finds it: where it is, not yet a string.</summary>
readonly record struct RawToken(SqlTokenKind Kind, int Start, int Length)
{
    public int End => Start + Length;
}
