namespace CiMigrate.Execution.Events;

/// <summary>The runbook's step 4 as a check: grants missing on the app's tables and sequences, and whether they were granted now.</summary>
public sealed record GrantsChecked(IReadOnlyList<MissingGrant> Missing, bool Granted) : ExecutionEvent;
