namespace CiMigrate.GitHub;

/// <summary>
/// How often and how long GitHub requests are retried on rate limits and transient server errors. The delay is a
/// function so tests run without waiting.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The first back-off; it doubles with each attempt unless GitHub says how long to wait.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest single wait. A rate limit that resets later than this fails at once with the reset time:
    /// a CI job should not sleep for an hour.
    /// </summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public static RetryPolicy Default { get; } = new();
}
