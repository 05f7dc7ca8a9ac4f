namespace CiMigrate.Reporting;

/// <summary>
/// Progress on standard error, for people waiting on a slow step: with <c>--verbose</c> each step as it starts,
/// otherwise only a step still running after <see cref="Threshold"/> (so a fast run stays quiet). Standard output
/// keeps only the report, whatever its format.
/// </summary>
public sealed class StepProgress(TextWriter error, bool verbose, TimeSpan threshold) : IDisposable
{
    public static readonly TimeSpan Threshold = TimeSpan.FromSeconds(1);

    readonly Lock _lock = new();
    Timer? _timer;
    int _step;

    public StepProgress(TextWriter error, bool verbose) : this(error, verbose, Threshold)
    {
    }

    /// <summary>A new step starts; the previous one is over.</summary>
    public void Step(string line)
    {
        lock (_lock)
        {
            var step = ++_step;
            _timer?.Dispose();
            _timer = null;
            if (verbose)
            {
                error.WriteLine(line);
                return;
            }

            _timer = new Timer(_ =>
            {
                lock (_lock)
                {
                    if (step == _step)
                        error.WriteLine(line);
                }
            }, null, threshold, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The last step is over: nothing more is shown.</summary>
    public void Dispose() => End();

    /// <summary>The current step is over (the migration applied, the lock acquired): it is not shown after all.</summary>
    public void End()
    {
        lock (_lock)
        {
            _step++;
            _timer?.Dispose();
            _timer = null;
        }
    }
}
