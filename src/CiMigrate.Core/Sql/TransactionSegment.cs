namespace CiMigrate.Sql;

/// <summary>
/// A part of a migration file that is committed on its own, with its progress record: the whole file for most files,
/// one of several when the file holds statements that cannot run in a transaction block or its own
/// <c>BEGIN ... COMMIT</c> blocks (<see cref="TransactionSegments"/>).
/// </summary>
/// <param name="Index">0-based position among the file's segments.</param>
/// <param name="Kind">How the segment meets a transaction.</param>
/// <param name="Statements">The statements to send, in order; for a <see cref="SegmentKind.Block"/> those between its BEGIN and COMMIT.</param>
/// <param name="Reason">Why the segment stands apart (names the statement); null for a file in one segment.</param>
public sealed record TransactionSegment(int Index, SegmentKind Kind, IReadOnlyList<SqlStatement> Statements, string? Reason)
{
    /// <summary>
    /// A block's <c>BEGIN</c> options as a <c>SET TRANSACTION</c> statement (<c>BEGIN ISOLATION LEVEL SERIALIZABLE</c>);
    /// null when the block has none or the segment is not a block.
    /// </summary>
    public string? TransactionOptions { get; init; }

    /// <summary>Whether the segment runs inside a transaction (and so commits together with its record).</summary>
    public bool InTransaction => Kind != SegmentKind.Alone;

    /// <summary>What the segment sends, statement by statement: the text its checksum is taken of.</summary>
    public string Text => string.Join(";\n", Statements.Select(s => s.Text));

    /// <summary>Where the segment starts and ends in its file: <c>3-7</c>, or <c>3</c> for one line.</summary>
    public string Lines
    {
        get
        {
            var first = Statements.Count == 0 ? 0 : Statements[0].Line;
            var last = Statements.Count == 0 ? 0 : Statements[^1].LineColumnOf(Statements[^1].Length).Line;
            return first == last ? $"{first}" : $"{first}-{last}";
        }
    }

    /// <summary>How the segment runs, for the plan: <c>CREATE INDEX CONCURRENTLY at line 4 alone, outside a transaction (why)</c>.</summary>
    public string HowItRuns() => Kind switch
    {
        SegmentKind.Alone => $"{Describe()} alone, outside a transaction ({Reason})",
        SegmentKind.Block => $"{Describe()} in {Reason}, as written",
        _ => $"{Describe()} in one transaction" + (Reason is null ? "" : $", committed before the rest ({Reason})"),
    };

    /// <summary>The segment's statements in a few words, for messages: <c>CREATE INDEX at line 4</c>.</summary>
    public string Describe() => Statements.Count switch
    {
        0 => "no statement",
        1 => $"{TransactionSegments.Head(Statements[0])} at line {Statements[0].Line}",
        _ => $"{Statements.Count} statements at lines {Lines}",
    };
}
