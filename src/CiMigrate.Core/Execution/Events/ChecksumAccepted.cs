namespace CiMigrate.Execution.Events;

/// <summary><c>repair --accept-checksum</c>: the ledger now holds the local file's checksum.</summary>
public sealed record ChecksumAccepted(string Version, string OldChecksum, string NewChecksum) : ExecutionEvent;
