namespace CiMigrate.Configuration;

/// <summary>Whether the tool runs in a GitHub Actions job: the one test of <c>GITHUB_ACTIONS</c>, which the runner sets to <c>true</c>.</summary>
public static class GitHubActionsRun
{
    public static bool Detected(IReadOnlyDictionary<string, string?> variables) =>
        variables.TryGetValue("GITHUB_ACTIONS", out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
