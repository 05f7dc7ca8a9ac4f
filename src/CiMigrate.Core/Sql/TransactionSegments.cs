namespace CiMigrate.Sql;

/// <summary>
/// Splits a file into the parts that commit on their own, as the Supabase CLI runs it (its <c>isPipelineIncompatible</c>,
/// supabase/cli#5671, #6276): runs of ordinary statements each one transaction; each statement that cannot run in a
/// transaction block alone; the file's own <c>BEGIN ... COMMIT</c> blocks as written. A file marked
/// <c>-- ci-migrate:no-transaction</c> runs every statement alone. Read once per file (<see cref="SqlScript.Segments"/>).
/// </summary>
public static class TransactionSegments
{
    /// <summary>The segments of <paramref name="script"/> and what keeps it from being split (then the segments are of no use).</summary>
    internal static (IReadOnlyList<TransactionSegment> Segments, IReadOnlyList<SegmentProblem> Problems) Of(SqlScript script)
    {
        var statements = script.StatementsToRun;
        switch (script.TransactionMode)
        {
            case TransactionMode.NoTransaction:
                return (Alone(statements, $"the file is marked {TransactionMarker.Line}"), []);
            case TransactionMode.Transaction or TransactionMode.Wrapped:
                return ([new TransactionSegment(0, SegmentKind.Transaction, statements, null)], []);
        }

        var splitter = new Splitter(statements);
        splitter.Split();
        return (splitter.Segments, splitter.Problems);
    }

    /// <summary>
    /// How a file with these segments runs, in one line for the plan and lint: <c>in one transaction</c>, or
    /// <c>in 3 segments: ...; ...; ...</c>, each naming its statements and why it stands apart.
    /// </summary>
    public static string Describe(IReadOnlyList<TransactionSegment> segments) =>
        segments is [{ Kind: SegmentKind.Transaction, Reason: null }]
            ? "in one transaction"
            : $"in {segments.Count} segment{(segments.Count == 1 ? "" : "s")}: {Steps(segments)}";

    /// <summary>Each segment's <see cref="TransactionSegment.HowItRuns"/>, in order, separated by <c>; </c>.</summary>
    public static string Steps(IReadOnlyList<TransactionSegment> segments) => string.Join("; ", segments.Select(s => s.HowItRuns()));

    /// <summary>Whether the segment only changes settings (<c>SET search_path</c>): nothing of the schema is left half-done after it.</summary>
    public static bool OnlySettings(TransactionSegment segment) =>
        segment.Statements.All(s => s.Kind is StatementKind.Set or StatementKind.SetSearchPath or StatementKind.Reset);

    /// <summary>Every statement its own segment, outside a transaction, for <paramref name="reason"/>.</summary>
    public static IReadOnlyList<TransactionSegment> Alone(IReadOnlyList<SqlStatement> statements, string reason) =>
        [.. statements.Select((s, i) => new TransactionSegment(i, SegmentKind.Alone, [s], reason))];

    /// <summary>
    /// Why PostgreSQL refuses <paramref name="statement"/> inside a transaction block; null when it does not
    /// (https://www.postgresql.org/docs/15/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY, sql-vacuum.html,
    /// sql-altersystem.html, sql-createdatabase.html). CLUSTER without a table is refused there too; the CLI runs every
    /// CLUSTER alone, and so do we.
    /// </summary>
    public static string? CannotRunInTransaction(SqlStatement statement) => statement.Kind switch
    {
        StatementKind.CreateIndex or StatementKind.DropIndex or StatementKind.Reindex or StatementKind.AlterTableDetachPartition
            when statement.IsConcurrently => $"{Head(statement)} cannot run inside a transaction block",
        StatementKind.Vacuum or StatementKind.Cluster or StatementKind.CreateDatabase or StatementKind.DropDatabase =>
            $"{Head(statement)} cannot run inside a transaction block",
        _ when statement.StartsWith("ALTER", "SYSTEM") => "ALTER SYSTEM cannot run inside a transaction block",
        _ => null,
    };

    /// <summary>
    /// Why the transaction must commit right after <paramref name="statement"/>: an enum value it adds is used later in
    /// the file, which PostgreSQL refuses until the ALTER TYPE committed (https://www.postgresql.org/docs/15/sql-altertype.html);
    /// null otherwise.
    /// </summary>
    public static string? MustCommitAfter(SqlStatement statement, IReadOnlyList<SqlStatement> statements)
    {
        if (statement.Kind != StatementKind.AlterType)
            return null;
        var at = statement.IndexOfKeywords(0, "ADD", "VALUE");
        if (at < 0)
            return null;
        var value = statement.Tokens.Skip(at + 2).FirstOrDefault(t => t.Kind == SqlTokenKind.String).Text;
        return value is not null && statements.Any(s => s.Index > statement.Index
            && s.Tokens.Any(t => t.Kind == SqlTokenKind.String && t.Text == value))
            ? $"the enum value {value} added at line {statement.Line} is used later in the file, which PostgreSQL allows only once the ALTER TYPE committed"
            : null;
    }

    /// <summary>
    /// The settings of the segments before <paramref name="index"/> that outlast their transaction (<c>SET search_path</c>,
    /// <c>SET ROLE</c>, <c>RESET</c>; not <c>SET LOCAL</c>, <c>SET TRANSACTION</c>, <c>SET CONSTRAINTS</c>), in order:
    /// under psql they hold for the rest of the file, so each later segment, and a resumed one, starts with them.
    /// </summary>
    public static IEnumerable<SqlStatement> SettingsBefore(IReadOnlyList<TransactionSegment> segments, int index) =>
        segments.Take(index).SelectMany(s => s.Statements).Where(s =>
            s.Kind == StatementKind.Reset
            || (s.Kind is StatementKind.Set or StatementKind.SetSearchPath && !s.StartsWith("SET", "LOCAL")
                && !s.StartsWith("SET", "TRANSACTION") && !s.StartsWith("SET", "CONSTRAINTS")));

    /// <summary><c>SET [LOCAL | SESSION] ROLE</c> or <c>SET SESSION AUTHORIZATION</c>: what runs after it runs as another role.</summary>
    public static bool SetsRole(SqlStatement statement) =>
        statement.Kind == StatementKind.Set && statement.Tokens.Take(3).Any(t => t.Is("ROLE") || t.Is("AUTHORIZATION"));

    /// <summary>The statement's first words, enough to recognise it in a message: <c>CREATE INDEX CONCURRENTLY</c>.</summary>
    public static string Head(SqlStatement statement) => statement.Kind switch
    {
        StatementKind.Other or StatementKind.TransactionControl or StatementKind.Create or StatementKind.Alter or StatementKind.Drop
            => string.Join(' ', statement.Tokens.Take(statement.Kind is StatementKind.Other or StatementKind.TransactionControl ? 1 : 2)
                .Select(t => t.Keyword ?? t.Text)),
        _ => StatementKindWords.Of(statement.Kind) + (statement.IsConcurrently ? " CONCURRENTLY" : ""),
    };

    /// <summary>BEGIN, BEGIN WORK, BEGIN TRANSACTION, START TRANSACTION: where a block starts; the index of its first option token, else -1.</summary>
    internal static int BlockStart(SqlStatement statement)
    {
        if (statement.Kind != StatementKind.TransactionControl)
            return -1;
        if (statement.StartsWith("START", "TRANSACTION"))
            return 2;
        if (!statement.StartsWith("BEGIN"))
            return -1;
        return statement.Tokens.Count > 1 && (statement.Tokens[1].Is("WORK") || statement.Tokens[1].Is("TRANSACTION")) ? 2 : 1;
    }

    /// <summary>COMMIT or END, with WORK or TRANSACTION and AND NO CHAIN allowed: where a block ends as written.</summary>
    internal static bool IsBlockEnd(SqlStatement statement) =>
        statement.Kind == StatementKind.TransactionControl && (statement.StartsWith("COMMIT") || statement.StartsWith("END"))
        && !statement.StartsWith("COMMIT", "PREPARED")
        && statement.Tokens.Skip(1).All(t => t.Is("WORK") || t.Is("TRANSACTION") || t.Is("AND") || t.Is("NO") || t.Is("CHAIN"))
        && !(statement.ContainsKeyword("CHAIN") && !statement.ContainsKeyword("NO"));

    /// <summary>Statements a block may hold although they control the transaction: savepoints inside it.</summary>
    static bool IsSavepoint(SqlStatement statement) =>
        statement.StartsWith("SAVEPOINT") || statement.StartsWith("RELEASE")
        || (statement.StartsWith("ROLLBACK") && statement.ContainsKeyword("TO"));

    sealed class Splitter(IReadOnlyList<SqlStatement> statements)
    {
        readonly List<SqlStatement> _run = [];
        string? _runReason;

        public List<TransactionSegment> Segments { get; } = [];
        public List<SegmentProblem> Problems { get; } = [];

        public void Split()
        {
            for (var i = 0; i < statements.Count; i++)
            {
                var statement = statements[i];
                if (BlockStart(statement) >= 0)
                {
                    Flush();
                    i = Block(i);
                }
                else if (statement.Kind == StatementKind.TransactionControl)
                {
                    Problems.Add(new SegmentProblem(statement,
                        $"'{Head(statement)}' outside a BEGIN ... COMMIT block of the file",
                        "Remove it, or make it end a block that starts with BEGIN: ci-migrate runs such blocks as written."));
                }
                else if (CannotRunInTransaction(statement) is { } reason)
                {
                    Flush();
                    Segments.Add(new TransactionSegment(Segments.Count, SegmentKind.Alone, [statement], reason));
                }
                else
                {
                    _run.Add(statement);
                    if (MustCommitAfter(statement, statements) is { } commit)
                    {
                        _runReason = commit;
                        Flush();
                    }
                }
            }

            Flush();
        }

        /// <summary>The block that starts at <paramref name="begin"/>; returns the index of its COMMIT (or the last statement).</summary>
        int Block(int begin)
        {
            var start = statements[begin];
            var options = BlockStart(start);
            List<SqlStatement> inside = [];
            for (var i = begin + 1; i < statements.Count; i++)
            {
                var statement = statements[i];
                if (IsBlockEnd(statement))
                {
                    Segments.Add(new TransactionSegment(Segments.Count, SegmentKind.Block, inside,
                        $"the file's own BEGIN ... {Head(statement)} block at lines {start.Line}-{statement.Line}")
                    {
                        TransactionOptions = options < start.Tokens.Count ? "SET TRANSACTION " + start.TextOf(options, start.Tokens.Count) : null,
                    });
                    return i;
                }

                if (statement.Kind == StatementKind.TransactionControl && !IsSavepoint(statement))
                {
                    Problems.Add(new SegmentProblem(statement,
                        $"'{Head(statement)}' inside the BEGIN block at line {start.Line}: only COMMIT or END may close it",
                        BlockStart(statement) >= 0
                            ? "Close the block with COMMIT before the next BEGIN."
                            : "End the block with COMMIT (a block that rolls itself back changes nothing: remove it)."));
                }
                else if (CannotRunInTransaction(statement) is { } reason)
                {
                    Problems.Add(new SegmentProblem(statement, $"{reason}, and it is inside the BEGIN block at line {start.Line}",
                        "Move it after the block's COMMIT: it then runs on its own."));
                }

                inside.Add(statement);
            }

            Problems.Add(new SegmentProblem(start, "this BEGIN has no COMMIT or END in the file",
                "End the block with COMMIT: a transaction left open would hold its locks until the connection closes."));
            return statements.Count - 1;
        }

        void Flush()
        {
            if (_run.Count == 0)
                return;
            Segments.Add(new TransactionSegment(Segments.Count, SegmentKind.Transaction, [.. _run], _runReason));
            _run.Clear();
            _runReason = null;
        }
    }
}
