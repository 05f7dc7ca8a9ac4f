namespace CiMigrate.Execution.Events;

/// <summary>
/// A file wrapped in its own <c>BEGIN; … COMMIT;</c> ran without the wrapper, in ci-migrate's one transaction with
/// its ledger row: the wrapper said what ci-migrate does anyway.
/// </summary>
public sealed record WrapperLeftOut(string Version, string File) : ExecutionEvent;
