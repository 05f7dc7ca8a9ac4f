using System.Text.Json;
using CiMigrate.GitHub;
using CiMigrate.Hosting;

namespace CiMigrate.Tasks;

/// <summary>
/// The value of <c>--expect-plan</c>: a plan hash, or, from a run over several apps, the JSON object of app to hash that
/// run wrote as its <c>plan-hash</c> output; each app checks its own entry.
/// </summary>
static class ExpectedPlan
{
    /// <summary>The hash <paramref name="app"/> must match; empty when the value names none for it.</summary>
    public static string For(string expected, string app)
    {
        var value = expected.Trim();
        if (!value.StartsWith('{'))
            return value;
        try
        {
            var hashes = JsonSerializer.Deserialize(value, GitHubJson.Default.DictionaryStringString);
            return hashes is not null && hashes.TryGetValue(app, out var hash) ? hash.Trim() : "";
        }
        catch (JsonException e)
        {
            throw new UsageException($"--expect-plan is neither a plan hash nor a JSON object of app to plan hash: {e.Message}");
        }
    }
}
