namespace CiMigrate.Execution;

/// <summary>
/// The wait before trying a migration again after a lock timeout: growing, with jitter, so two runs that blocked
/// each other (or a busy application) do not meet again at the same instant.
/// </summary>
static class LockRetryDelays
{
    public static TimeSpan Default(int attempt) =>
        TimeSpan.FromMilliseconds(1000 * attempt * (0.5 + Random.Shared.NextDouble()));
}
