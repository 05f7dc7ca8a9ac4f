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

    /// <summary>
    /// The marker first (a marked file never runs in a transaction), then the BEGIN ... COMMIT wrapper, then what makes
    /// a file run in segments (<see cref="TransactionSegments"/>).
    /// </summary>
    internal static TransactionMode ModeOf(IReadOnlyList<SqlStatement> statements) =>
        statements is [var first, ..] && first.LeadingComments.Any(IsMarker) ? TransactionMode.NoTransaction
        : statements is [var begin, _, .., var commit] && IsPlain(begin, ["BEGIN"], ["START", "TRANSACTION"]) && IsPlain(commit, ["COMMIT"], ["END"])
            && !statements.Skip(1).Take(statements.Count - 2).Any(s => s.Kind == StatementKind.TransactionControl)
            ? TransactionMode.Wrapped
        : statements.Any(s => s.Kind == StatementKind.TransactionControl || TransactionSegments.CannotRunInTransaction(s) is not null
            || TransactionSegments.MustCommitAfter(s, statements) is not null)
            ? TransactionMode.Segmented
            : TransactionMode.Transaction;

    /// <summary>
    /// <c>BEGIN</c>, <c>BEGIN WORK</c>, <c>BEGIN TRANSACTION</c>, <c>START TRANSACTION</c> (likewise COMMIT, END), with
    /// no options: a wrapper that sets an isolation level or chains asks for more than ci-migrate's transaction gives.
    /// </summary>
    static bool IsPlain(SqlStatement statement, string[] word, string[] words)
    {
        if (statement.Kind != StatementKind.TransactionControl)
            return false;
        if (statement.StartsWith(words))
            return statement.Tokens.Count == words.Length;
        return statement.StartsWith(word)
            && (statement.Tokens.Count == 1 || (statement.Tokens.Count == 2 && (statement.Tokens[1].Is("WORK") || statement.Tokens[1].Is("TRANSACTION"))));
    }

    /// <summary>Whether the text names the marker anywhere, in any case.</summary>
    internal static bool IsMentionedIn(string text) => text.Contains(NoTransaction, StringComparison.OrdinalIgnoreCase);
}
