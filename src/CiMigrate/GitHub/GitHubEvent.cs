using System.Text.Json;
using CiMigrate.Hosting;

namespace CiMigrate.GitHub;

/// <summary>Reads what ci-migrate needs from the event payload at <c>GITHUB_EVENT_PATH</c>.</summary>
static class GitHubEvent
{
    /// <summary>
    /// <c>pull_request.number</c> for pull request events; for <c>issue_comment</c> the issue number, when the
    /// issue is a pull request (it then carries a <c>pull_request</c> member). Null for pushes and the like.
    /// </summary>
    public static int? PullRequestNumber(string eventPath) => Read(eventPath, root =>
    {
        if (root.TryGetProperty("pull_request", out var pullRequest) && NumberOf(pullRequest) is { } number)
            return number;
        if (root.TryGetProperty("issue", out var issue) && issue.ValueKind == JsonValueKind.Object
            && issue.TryGetProperty("pull_request", out _))
            return NumberOf(issue);
        return null;
    });

    /// <summary>
    /// <c>pull_request.base.sha</c>: the commit the pull request's changes are measured against. Null outside
    /// pull request events (an <c>issue_comment</c> payload does not carry it).
    /// </summary>
    public static string? PullRequestBaseSha(string eventPath) => Read(eventPath, root =>
        root.TryGetProperty("pull_request", out var pullRequest) && pullRequest.ValueKind == JsonValueKind.Object
        && pullRequest.TryGetProperty("base", out var @base) && @base.ValueKind == JsonValueKind.Object
        && @base.TryGetProperty("sha", out var sha) && sha.ValueKind == JsonValueKind.String
            ? sha.GetString()
            : null);

    static T? Read<T>(string eventPath, Func<JsonElement, T?> select)
    {
        JsonDocument payload;
        try
        {
            using var stream = File.OpenRead(eventPath);
            payload = JsonDocument.Parse(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{eventPath}: cannot read the GitHub event payload (GITHUB_EVENT_PATH): {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new UsageException(
                $"{eventPath}:{ex.LineNumber + 1}:{ex.BytePositionInLine + 1}: the GitHub event payload is not valid JSON.", ex);
        }

        using (payload)
            return payload.RootElement.ValueKind == JsonValueKind.Object ? select(payload.RootElement) : default;
    }

    static int? NumberOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("number", out var number)
        && number.TryGetInt32(out var value)
            ? value
            : null;
}
