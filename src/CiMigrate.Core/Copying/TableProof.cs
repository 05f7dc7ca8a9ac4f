namespace CiMigrate.Copying;

/// <summary>
/// The proof that a table arrived whole: row count and checksum of the ordered rows on each side, and the source's
/// statistics as a second signal (<see cref="RowEstimates"/>): <see cref="Warning"/> when the count is far below them.
/// </summary>
public sealed record TableProof(string Table, long SourceRows, string SourceChecksum, long TargetRows, string TargetChecksum)
{
    public bool Matches => SourceRows == TargetRows && SourceChecksum == TargetChecksum;

    /// <summary>The rows the source's statistics expect; null when they know nothing of the table.</summary>
    public long? SourceEstimate { get; init; }

    /// <summary>Why the copied count is suspicious although it matches; null when it is not.</summary>
    public string? Warning { get; init; }
}
