namespace CiMigrate.Execution.Events;

/// <summary>
/// A migration an earlier run left partly applied goes on at its first segment not committed (1-based
/// <paramref name="FromSegment"/> of <paramref name="Segments"/>); the applied part's checksum matched the file.
/// </summary>
public sealed record MigrationResumed(string Version, string Name, string File, int FromSegment, int Segments) : ExecutionEvent;
