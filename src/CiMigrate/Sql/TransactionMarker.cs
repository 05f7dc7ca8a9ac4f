namespace CiMigrate.Sql;

/// <summary>
/// The one rule for the no-transaction marker, as Atlas reads <c>-- atlas:txmode</c>: a comment
/// <c>-- ci-migrate:no-transaction</c> (or <c>/* ... */</c>, any case, a reason may follow) among the comments
/// before the file's first statement. Anywhere else it marks nothing.
/// </summary>
public static class TransactionMarker
{
    /// <summary>The marker as users write it, without the comment dashes.</summary>
    public const string NoTransaction = "ci-migrate:no-transaction";

    /// <summary>The marker line to put at the top of a file.</summary>
    public const string Line = "-- " + NoTransaction;

    /// <summary>Whether one comment, as written (with its <c>--</c> or <c>/* */</c>), is the marker.</summary>
    public static bool IsMarker(string comment)
    {
        var text = comment.Trim();
        text = text.StartsWith("--", StringComparison.Ordinal) ? text[2..]
            : text.StartsWith("/*", StringComparison.Ordinal) && text.EndsWith("*/", StringComparison.Ordinal) ? text[2..^2]
            : text;
        text = text.Trim();
        return text.StartsWith(NoTransaction, StringComparison.OrdinalIgnoreCase)
            && (text.Length == NoTransaction.Length || char.IsWhiteSpace(text[NoTransaction.Length]));
    }

    internal static TransactionMode ModeOf(IReadOnlyList<SqlStatement> statements) =>
        statements is [var first, ..] && first.LeadingComments.Any(IsMarker) ? TransactionMode.NoTransaction : TransactionMode.Transaction;

    /// <summary>Whether the text names the marker anywhere, in any case.</summary>
    internal static bool IsMentionedIn(string text) => text.Contains(NoTransaction, StringComparison.OrdinalIgnoreCase);
}
