using System.Globalization;
using System.Text;
using System.Text.Json;
using CiMigrate.Hosting;

namespace CiMigrate.GitHub;

/// <summary>
/// Writes step outputs to <c>$GITHUB_OUTPUT</c>. Every value uses the multiline form <c>name&lt;&lt;DELIMITER</c>,
/// as the actions/toolkit does, so JSON and text with newlines pass unchanged; the delimiter is random and
/// checked against the value.
/// </summary>
public sealed class ActionOutputs(string? path)
{
    public const string PendingCount = "pending-count";
    public const string PlanHash = "plan-hash";
    public const string HasDestructive = "has-destructive";

    /// <summary>How many migrations an apply recorded (0 in a dry run or a refused run).</summary>
    public const string AppliedCount = "applied-count";

    /// <summary>JSON array of the versions an apply recorded, in order.</summary>
    public const string AppliedVersions = "applied-versions";

    /// <summary>JSON array of app names, for a <c>strategy.matrix</c> through <c>fromJSON</c>.</summary>
    public const string Apps = "apps";

    public bool IsAvailable => path is not null;

    /// <returns>Whether the output was written (false outside Actions).</returns>
    public async Task<bool> SetAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        if (path is null)
            return false;
        var delimiter = $"ghadelimiter_{Guid.NewGuid():N}";
        if (name.Contains(delimiter, StringComparison.Ordinal) || value.Contains(delimiter, StringComparison.Ordinal))
            throw new InvalidOperationException("An output contains its own delimiter.");
        if (name.Length == 0 || name.Contains('\n') || name.Contains('\r'))
            throw new ArgumentException($"'{name}' is not a valid output name.", nameof(name));
        var entry = new StringBuilder()
            .Append(name).Append("<<").Append(delimiter).Append('\n')
            .Append(value).Append('\n')
            .Append(delimiter).Append('\n')
            .ToString();
        await FileOwnership.AppendAsync(path, entry, cancellationToken);
        return true;
    }

    /// <summary>The four outputs of the action (<c>action.yml</c>) in one call.</summary>
    public async Task<bool> SetPlanAsync(int pendingCount, string planHash, bool hasDestructive, IReadOnlyList<string> apps,
        CancellationToken cancellationToken = default)
    {
        if (path is null)
            return false;
        await SetAsync(PendingCount, pendingCount.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await SetAsync(PlanHash, planHash, cancellationToken);
        await SetAsync(HasDestructive, hasDestructive ? "true" : "false", cancellationToken);
        await SetAsync(Apps, JsonSerializer.Serialize(apps, GitHubJson.Default.IReadOnlyListString), cancellationToken);
        return true;
    }

    /// <summary>
    /// What an apply leaves for later jobs: the plan outputs of <see cref="SetPlanAsync"/> (the plan hash is the one the
    /// next environment's <c>--expect-plan</c> compares) and what it applied.
    /// </summary>
    public async Task<bool> SetApplyAsync(int pendingCount, string planHash, bool hasDestructive, string app,
        IReadOnlyList<string> appliedVersions, CancellationToken cancellationToken = default)
    {
        if (!await SetPlanAsync(pendingCount, planHash, hasDestructive, pendingCount > 0 ? [app] : [], cancellationToken))
            return false;
        await SetAsync(AppliedCount, appliedVersions.Count.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await SetAsync(AppliedVersions, JsonSerializer.Serialize(appliedVersions, GitHubJson.Default.IReadOnlyListString), cancellationToken);
        return true;
    }

    /// <summary>The entries of an output file written by <see cref="SetAsync"/> (the last value of a name wins, as on the runner).</summary>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = File.ReadAllText(path).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].IndexOf("<<", StringComparison.Ordinal) is var at and > 0)
            {
                var (name, delimiter) = (lines[i][..at], lines[i][(at + 2)..]);
                var end = Array.IndexOf(lines, delimiter, i + 1);
                if (end < 0)
                    throw new InvalidOperationException($"The output {name} in {path} has no closing delimiter.");
                values[name] = string.Join('\n', lines[(i + 1)..end]);
                i = end;
            }
        }

        return values;
    }

    /// <summary>
    /// The outputs of a run over several apps, from each app's: <c>plan-hash</c> becomes a JSON object of app to hash
    /// (what <c>--expect-plan</c> takes for several apps), counts add up, <c>has-destructive</c> is true when any app's
    /// is, the JSON arrays are joined, any other output keeps its last value.
    /// </summary>
    public async Task MergeAsync(IReadOnlyList<(string App, IReadOnlyDictionary<string, string> Values)> apps,
        CancellationToken cancellationToken = default)
    {
        if (path is null)
            return;
        var names = apps.SelectMany(a => a.Values.Keys).Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var values = apps.Where(a => a.Values.ContainsKey(name)).Select(a => (a.App, Value: a.Values[name])).ToList();
            var merged = name switch
            {
                PlanHash => JsonSerializer.Serialize(values.ToDictionary(v => v.App, v => v.Value), GitHubJson.Default.DictionaryStringString),
                PendingCount or AppliedCount => values.Sum(v => int.Parse(v.Value, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture),
                HasDestructive => values.Any(v => v.Value == "true") ? "true" : "false",
                Apps or AppliedVersions => JsonSerializer.Serialize<IReadOnlyList<string>>(
                    [.. values.SelectMany(v => JsonSerializer.Deserialize(v.Value, GitHubJson.Default.IReadOnlyListString) ?? [])],
                    GitHubJson.Default.IReadOnlyListString),
                _ => values[^1].Value,
            };
            await SetAsync(name, merged, cancellationToken);
        }
    }
}
