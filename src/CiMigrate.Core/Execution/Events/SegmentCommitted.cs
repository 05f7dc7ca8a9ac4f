namespace CiMigrate.Execution.Events;

/// <summary>
/// A segment of a migration that runs in segments committed with its progress record (the last one with the ledger
/// row): <paramref name="Segment"/> is 1-based, of <paramref name="Segments"/>.
/// </summary>
/// <param name="Version">The migration's version.</param>
/// <param name="File">The file.</param>
/// <param name="Segment">Which segment, 1-based.</param>
/// <param name="Segments">How many the file has.</param>
/// <param name="What">Its statements in a few words (<c>CREATE INDEX CONCURRENTLY at line 4</c>).</param>
/// <param name="InTransaction">Whether it ran in a transaction (a statement alone did not).</param>
public sealed record SegmentCommitted(string Version, string File, int Segment, int Segments, string What, bool InTransaction) : ExecutionEvent;
