namespace CiMigrate.Tests.Support;

/// <summary>A clock the test sets: a gate that waits 24 hours is tested at hour 23 and hour 24, without sleeping.</summary>
sealed class SettableClock : TimeProvider
{
    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
