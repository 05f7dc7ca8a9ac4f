namespace CiMigrate.Execution.Events;

/// <summary>The ledger schema <c>ci_migrate</c> was created (from version 0) or upgraded.</summary>
public sealed record LedgerUpgraded(int FromVersion, int ToVersion) : ExecutionEvent;
