namespace CiMigrate.Doctor;

/// <summary>
/// The doctor's results in order. A failure that later checks depend on (no kubeconfig, no connection) blocks
/// them: they are reported as skipped rather than failing again for the same reason.
/// </summary>
public sealed class Checklist
{
    readonly List<CheckResult> _results = [];

    public IReadOnlyList<CheckResult> Results => _results;

    /// <summary>True once a failure makes the remaining checks meaningless.</summary>
    public bool Blocked { get; private set; }

    public bool HasFailures => _results.Any(r => r.Outcome == CheckOutcome.Failed);

    public void Pass(string name, string detail) => _results.Add(new(name, CheckOutcome.Passed, detail));

    public void Warn(string name, string detail, string advice) => _results.Add(new(name, CheckOutcome.Warning, detail, advice));

    public void Fail(string name, string detail, string advice, bool blocks = true)
    {
        _results.Add(new(name, CheckOutcome.Failed, detail, advice));
        Blocked |= blocks;
    }

    /// <summary>Runs <paramref name="check"/> unless an earlier failure blocks it, in which case it is listed as skipped.</summary>
    public async Task RunAsync(string name, Func<Task> check)
    {
        if (Blocked)
        {
            _results.Add(new(name, CheckOutcome.Skipped, "skipped: an earlier check failed"));
            return;
        }

        await check();
    }

    /// <summary>The checklist as the console shows it: ✓/✗/!/- lines, advice indented below, then totals.</summary>
    public async Task WriteAsync(TextWriter output)
    {
        var width = _results.Count == 0 ? 0 : _results.Max(r => r.Name.Length);
        foreach (var result in _results)
        {
            var mark = result.Outcome switch
            {
                CheckOutcome.Passed => "✓",
                CheckOutcome.Warning => "!",
                CheckOutcome.Failed => "✗",
                _ => "-",
            };
            await output.WriteLineAsync($"{mark} {result.Name.PadRight(width)}  {result.Detail}");
            if (result.Advice is not null)
                await output.WriteLineAsync($"  {new string(' ', width)}  what to do: {result.Advice}");
        }

        int Count(CheckOutcome outcome) => _results.Count(r => r.Outcome == outcome);
        await output.WriteLineAsync(
            $"{Count(CheckOutcome.Passed)} passed, {Count(CheckOutcome.Failed)} failed, " +
            $"{Count(CheckOutcome.Warning)} warnings, {Count(CheckOutcome.Skipped)} skipped");
    }
}
