using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// PostgreSQL refuses CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, VACUUM, CLUSTER and ALTER SYSTEM inside a
/// transaction block (https://www.postgresql.org/docs/15/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY). ci-migrate
/// runs such a statement alone, as the Supabase CLI does, so the file runs in segments (<see cref="SqlScript.Segments"/>):
/// a warning that says which, since a failure between two leaves the file partly applied (recorded, resumable). Inside a
/// BEGIN block of the file the statement fails, and the refusal is <c>transaction-control</c>'s.
/// </summary>
sealed class ConcurrentlyInTransactionRule : ILintRule
{
    public string Id => "concurrently-in-transaction";
    public LintSeverity DefaultSeverity => LintSeverity.Warning;
    public RuleCategory Category => RuleCategory.HouseRule;
    public string Summary => "CONCURRENTLY, VACUUM, CLUSTER or ALTER SYSTEM in a migration with other statements: it runs in segments";
    public string Help => "Put the statement in a migration of its own (the marker `" + TransactionMarker.Line + "` says so) to keep every other file all or nothing; or keep it, knowing a failure after the first segment leaves the file partly applied (recorded; the next run resumes).";

    public void Check(LintFile file, FindingCollector findings)
    {
        var segments = file.Script.Segments;
        if (file.Script.TransactionMode != TransactionMode.Segmented)
            return;
        foreach (var segment in segments.Where(s => s.Kind == SegmentKind.Alone))
        {
            // Alone but for settings before it: nothing can be left half-done, the file is as good as one statement.
            if (segments.All(s => s == segment || TransactionSegments.OnlySettings(s)))
                continue;
            var statement = segment.Statements[0];
            findings.Report(statement,
                $"{segment.Reason}, so the file runs in {segments.Count} segments, each committed on its own: " +
                $"{string.Join("; ", segments.Select(Brief))}. A failure after the first leaves the file " +
                $"partly applied: recorded, and the next run resumes.{MisplacedMarker(file)}");
        }
    }

    static string Brief(TransactionSegment segment) => segment.Describe() + segment.Kind switch
    {
        SegmentKind.Alone => " alone",
        SegmentKind.Block => " as the file's block",
        _ => " in one transaction",
    };

    static string MisplacedMarker(LintFile file) => file.Script.HasMisplacedMarker
        ? $" The file mentions {TransactionMarker.NoTransaction}, but only a marker among the comments before the first statement counts."
        : "";
}
