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
}
