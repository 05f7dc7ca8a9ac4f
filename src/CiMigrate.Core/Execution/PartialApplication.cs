using CiMigrate.Execution.Events;
using CiMigrate.History;
using CiMigrate.Migrations;

namespace CiMigrate.Execution;

/// <summary>
/// Pending migrations an earlier run left partly applied (their committed segments in <c>ci_migrate.segment_progress</c>):
/// where each resumes, and a refusal when the applied part of its file changed since (Atlas' HistoryChangedError),
/// naming the file, the segment and its statements: running the rest of a file whose beginning is no longer what ran
/// would leave a schema no file describes.
/// </summary>
static class PartialApplication
{
    /// <summary>Per partly applied migration, the segments committed; and the refusals.</summary>
    /// <param name="pending">The migrations about to run.</param>
    /// <param name="progress">The app's progress rows.</param>
    /// <param name="oneTransaction"><c>--atomic</c> or <c>--dry-run</c>, which cannot resume a file; else null.</param>
    public static (Dictionary<Migration, int> Resume, List<RunRefused> Refusals) Check(IReadOnlyList<Migration> pending,
        IReadOnlyList<SegmentProgress> progress, string? oneTransaction) =>
        Check(pending, m => m.Up, [.. progress.Where(p => !p.RollingBack)], oneTransaction, rollingBack: false);

    /// <summary>
    /// For a rollback: per partly rolled back migration (segments of its down file committed), where its down file
    /// resumes; and a refusal when the part of the down file that ran changed since.
    /// </summary>
    /// <param name="migrations">The migrations about to be rolled back, each with its down file.</param>
    /// <param name="progress">The app's progress rows.</param>
    public static (Dictionary<Migration, int> Resume, List<RunRefused> Refusals) CheckRollback(IReadOnlyList<Migration> migrations,
        IReadOnlyList<SegmentProgress> progress) =>
        Check(migrations, m => m.Down!, [.. progress.Where(p => p.RollingBack)], oneTransaction: null, rollingBack: true);

    static (Dictionary<Migration, int> Resume, List<RunRefused> Refusals) Check(IReadOnlyList<Migration> migrations,
        Func<Migration, MigrationFile> fileOf, IReadOnlyList<SegmentProgress> progress, string? oneTransaction, bool rollingBack)
    {
        var resume = new Dictionary<Migration, int>();
        var refusals = new List<RunRefused>();
        if (progress.Count == 0)
            return (resume, refusals);
        var byVersion = progress.GroupBy(p => p.Version, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var migration in migrations)
        {
            if (!byVersion.TryGetValue(migration.Version, out var rows))
                continue;
            var file = fileOf(migration);
            if (oneTransaction is not null)
            {
                refusals.Add(new RunRefused(RefusalCodes.PartlyApplied,
                    $"the migration is partly applied ({rows.Count} of {rows[0].Segments} segments committed), so it cannot run in the one transaction of {oneTransaction}",
                    $"Apply without {oneTransaction}: the run resumes at segment {rows.Count + 1}.", file.DisplayPath, 1, 1));
                continue;
            }

            if (Changed(migration, file, rows, rollingBack) is { } changed)
                refusals.Add(changed);
            else
                resume[migration] = rows.Count;
        }

        return (resume, refusals);
    }

    static RunRefused? Changed(Migration migration, MigrationFile file, List<SegmentProgress> rows, bool rollingBack)
    {
        var segments = file.Script.Segments;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Segment != i)
            {
                return new RunRefused(RefusalCodes.AppliedPartChanged,
                    $"the ledger's progress rows of this migration skip segment {i + 1} (found {row.Segment + 1}): they were changed by hand",
                    rollingBack ? $"Look at {LedgerSchema.SegmentProgress}: the down file's rows were changed by hand; put them back as the rollback wrote them."
                        : $"Look at {LedgerSchema.SegmentProgress}, then settle it: 'ci-migrate repair --partial {migration.Version} --to applied|not-applied --reason ...'.",
                    file.DisplayPath, 1, 1);
            }

            if (i >= segments.Count)
            {
                return new RunRefused(RefusalCodes.AppliedPartChanged,
                    $"segment {i + 1} of {row.Segments} (lines {row.Lines} then) committed, but the file now has {segments.Count} segment(s)",
                    Help(rows.Count, rollingBack), file.DisplayPath, 1, 1);
            }

            if (AppliedPart.ChecksumOf(segments[i]) != row.SegmentChecksum)
            {
                var segment = segments[i];
                var statements = string.Join("; ", segment.Statements.Select(s => $"line {s.Line}: {Sql.TransactionSegments.Head(s)}"));
                return new RunRefused(RefusalCodes.AppliedPartChanged,
                    $"segment {i + 1} of {row.Segments} committed in an earlier run (lines {row.Lines} then), and its statements " +
                    $"changed since ({statements})",
                    Help(rows.Count, rollingBack), file.DisplayPath, segment.Statements[0].Line, segment.Statements[0].Column);
            }
        }

        return AppliedPart.ChecksumOf(segments, rows.Count - 1) == rows[^1].AppliedChecksum
            ? null
            : new RunRefused(RefusalCodes.AppliedPartChanged,
                $"the first {rows.Count} segment(s) committed in an earlier run, and the file's applied part changed since",
                Help(rows.Count, rollingBack), file.DisplayPath, 1, 1);
    }

    /// <summary>What to do when the part that ran changed: put it back; for an up file, repair can also settle the record.</summary>
    static string Help(int committed, bool rollingBack) => rollingBack
        ? $"Put back the statements of the first {committed} segment(s) of the down file as they ran (git history has them) and roll back " +
            "again to resume; repair does not settle a partly rolled back migration."
        : $"Put back the statements of the first {committed} segment(s) as they ran (git history has them) and run again to resume; " +
            "to change what was applied, add a new migration. Or settle the record: 'ci-migrate repair --partial <version> --to applied|not-applied --reason ...'.";
}
