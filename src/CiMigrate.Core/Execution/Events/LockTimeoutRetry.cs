namespace CiMigrate.Execution.Events;

/// <summary>A migration hit <c>lock_timeout</c>; its transaction was rolled back and it is tried again after a jittered delay.</summary>
public sealed record LockTimeoutRetry(string Version, string File, int Attempt, int MaxAttempts, TimeSpan Delay, string Message) : ExecutionEvent;
