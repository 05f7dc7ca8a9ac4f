namespace CiMigrate.Execution.Events;

/// <summary><c>--dry-run</c>: every pending migration ran in one transaction, which was rolled back; nothing changed.</summary>
public sealed record DryRunRolledBack(int Migrations) : ExecutionEvent;
