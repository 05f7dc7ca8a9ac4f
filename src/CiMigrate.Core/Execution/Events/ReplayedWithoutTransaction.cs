namespace CiMigrate.Execution.Events;

/// <summary>
/// A file the target applied already needs to run outside a transaction (<c>CREATE INDEX CONCURRENTLY</c>, ...) but has
/// no <c>-- ci-migrate:no-transaction</c> marker: its replay runs it statement by statement, as the target must have.
/// </summary>
public sealed record ReplayedWithoutTransaction(string Version, string File, string Reason) : ExecutionEvent;
