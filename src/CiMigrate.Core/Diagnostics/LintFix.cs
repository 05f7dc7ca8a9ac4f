namespace CiMigrate.Diagnostics;

/// <summary>
/// What <c>lint --fix</c> does for one finding: edits to the file's text, or moving the file. A fix only ever
/// adds guards (IF NOT EXISTS, IF EXISTS, OR REPLACE, DROP ... IF EXISTS) or moves a file, so applying it twice
/// is the same as once: after it, the rule no longer reports.
/// </summary>
public sealed record LintFix(string Description, IReadOnlyList<TextEdit> Edits, string? MoveTo = null)
{
    public static LintFix Insert(string description, int offset, string text) => new(description, [new TextEdit(offset, 0, text)]);

    /// <summary>
    /// Puts <paramref name="words"/> (<c>IF NOT EXISTS</c>) right after token <paramref name="index"/> of the statement,
    /// whatever spacing the author used around it.
    /// </summary>
    public static LintFix InsertAfter(Sql.SqlStatement statement, int index, string words, string description) =>
        Insert(description, statement.Tokens[index].End, " " + words);

    /// <summary>
    /// Puts <paramref name="line"/> (a statement, <c>DROP ... IF EXISTS ...;</c>) on a line of its own right before the
    /// statement, with the statement's indentation.
    /// </summary>
    public static LintFix InsertBefore(string fileText, Sql.SqlStatement statement, string line, string description)
    {
        var lineStart = fileText.LastIndexOf('\n', Math.Max(statement.Offset - 1, 0)) + 1;
        var prefix = fileText[lineStart..statement.Offset];
        var indentation = prefix.All(c => c is ' ' or '\t') ? prefix : "";
        return Insert(description, statement.Offset, line + "\n" + indentation);
    }

    public static LintFix Move(string description, string destination) => new(description, [], destination);
}
