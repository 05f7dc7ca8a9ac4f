namespace CiMigrate.History;

/// <summary>
/// One row of <c>ci_migrate.segment_progress</c>: a segment of a migration's file that committed while the file as a whole
/// did not (yet). Rows exist only for a partly applied (or partly rolled back) migration; the file's last segment
/// removes them with the ledger row's change.
/// </summary>
/// <param name="Version">The migration's version.</param>
/// <param name="Name">The migration's name.</param>
/// <param name="Segment">0-based index of the committed segment.</param>
/// <param name="Segments">How many segments the file had then.</param>
/// <param name="AppliedChecksum">SHA-256 of the statements of segments 0..<paramref name="Segment"/>: the applied part.</param>
/// <param name="SegmentChecksum">SHA-256 of this segment's statements.</param>
/// <param name="Lines">The segment's lines in the file then (<c>3-7</c>).</param>
/// <param name="CommittedAt">When the segment committed.</param>
/// <param name="Environment">The environment of the run.</param>
public sealed record SegmentProgress(string Version, string Name, int Segment, int Segments, string AppliedChecksum,
    string SegmentChecksum, string Lines, DateTimeOffset CommittedAt, string? Environment)
{
    /// <summary>
    /// Whether the segment is of the migration's down file: a rollback committed it, and the migration (still recorded
    /// as applied) is partly rolled back.
    /// </summary>
    public bool RollingBack { get; init; }
}
