namespace CiMigrate.Tests.Kubernetes.Support;

/// <summary>A clock that moves only when a wait asks it to: rollout timeouts are tested without waiting.</summary>
sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    DateTimeOffset _now = start;

    public int Waits { get; private set; }

    public override DateTimeOffset GetUtcNow() => _now;

    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        Waits++;
        _now += delay;
        return Task.CompletedTask;
    }
}
