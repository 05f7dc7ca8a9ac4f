namespace CiMigrate.Sql;

/// <summary>A SQL file read the way PostgreSQL's psql reads it: its statements, each with text, place and kind.</summary>
public sealed class SqlScript
{
    readonly LineMap _lines;
    (IReadOnlyList<TransactionSegment> Segments, IReadOnlyList<SegmentProblem> Problems)? _segments;

    SqlScript(string path, string text, LineMap lines, IReadOnlyList<SqlStatement> statements)
    {
        Path = path;
        Text = text;
        _lines = lines;
        Statements = statements;
        TransactionMode = TransactionMarker.ModeOf(statements);
        Phase = PhaseDirective.Of(this);
        AllowedSchemas = SchemaAllowance.Of(this);
    }

    /// <summary>The path given to <see cref="Parse"/>, used in every location and error.</summary>
    public string Path { get; }

    public string Text { get; }

    public IReadOnlyList<SqlStatement> Statements { get; }

    /// <summary>How the file runs: decided here once, by <see cref="TransactionMarker"/>; everyone else reads it.</summary>
    public TransactionMode TransactionMode { get; }

    /// <summary>The file's expand-contract directive (<c>-- ci-migrate:expand</c>, <c>-- ci-migrate:contract &lt;version&gt;</c>), read once here.</summary>
    public PhaseDirective Phase { get; }

    /// <summary>The schemas besides the app's own that the file says it may change, each with its reason.</summary>
    public IReadOnlyList<SchemaAllowance> AllowedSchemas { get; }

    /// <summary>
    /// The statements ci-migrate sends: all of them, but for a <see cref="TransactionMode.Wrapped"/> file those between
    /// its BEGIN and COMMIT (each keeps its <see cref="SqlStatement.Index"/> in the file).
    /// </summary>
    public IReadOnlyList<SqlStatement> StatementsToRun => field ??=
        TransactionMode == TransactionMode.Wrapped ? [.. Statements.Skip(1).Take(Statements.Count - 2)] : Statements;

    /// <summary>
    /// The parts of the file that commit on their own (<see cref="TransactionSegments"/>): one for most files; for a
    /// <see cref="TransactionMode.Segmented"/> or marked file, several, each with why it stands apart.
    /// </summary>
    public IReadOnlyList<TransactionSegment> Segments => (_segments ??= TransactionSegments.Of(this)).Segments;

    /// <summary>What keeps a <see cref="TransactionMode.Segmented"/> file from running (transaction control that is not a whole block).</summary>
    public IReadOnlyList<SegmentProblem> SegmentProblems => (_segments ??= TransactionSegments.Of(this)).Problems;

    /// <summary>
    /// The file names <see cref="TransactionMarker.NoTransaction"/> somewhere other than the comments before its first
    /// statement, where it marks nothing: worth telling the author, who meant it to count.
    /// </summary>
    public bool HasMisplacedMarker => TransactionMode != TransactionMode.NoTransaction && TransactionMarker.IsMentionedIn(Text);

    /// <summary>
    /// Splits and classifies <paramref name="text"/>. A leading BOM is skipped; CRLF and LF give the same
    /// statements. Throws <see cref="SqlSyntaxException"/> for an unterminated string, quoted identifier, comment
    /// or dollar quote (at where it starts), for a psql meta-command and for a malformed expand-contract directive.
    /// </summary>
    public static SqlScript Parse(string text, string path)
    {
        var lines = new LineMap(text);
        var statements = new StatementSplitter(text, path, lines).Split();
        return new SqlScript(path, text, lines, statements);
    }

    /// <summary>The 1-based line and column of a char offset of <see cref="Text"/>.</summary>
    public SqlLocation LineColumnOf(int offset) => _lines.LocationOf(offset);
}
