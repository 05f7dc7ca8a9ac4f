namespace CiMigrate.Execution.Events;

/// <summary>A lost ledger row was put back from the apply its events recorded (<c>repair --restore-lost</c>).</summary>
public sealed record LedgerRowRestored(string Version, string Name, string Checksum) : ExecutionEvent;
