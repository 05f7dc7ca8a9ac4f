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
    public static int? PullRequestNumber(string eventPath)
    {
        using var payload = Read(eventPath);
        var root = payload.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            return null;
        if (root.TryGetProperty("pull_request", out var pullRequest) && NumberOf(pullRequest) is { } number)
            return number;
        if (root.TryGetProperty("issue", out var issue) && issue.ValueKind == JsonValueKind.Object
            && issue.TryGetProperty("pull_request", out _))
            return NumberOf(issue);
        return null;
    }

    /// <summary>
    /// <c>pull_request.head.sha</c>: the commit the pull request shows (<c>GITHUB_SHA</c> is the merge commit), which
    /// the plan comment links lines to. Null outside pull request events.
    /// </summary>
    public static string? PullRequestHeadSha(string eventPath)
    {
        using var payload = Read(eventPath);
        return payload.RootElement is { ValueKind: JsonValueKind.Object } root
               && root.TryGetProperty("pull_request", out var pullRequest) && pullRequest.ValueKind == JsonValueKind.Object
               && pullRequest.TryGetProperty("head", out var head) && head.ValueKind == JsonValueKind.Object
               && head.TryGetProperty("sha", out var sha) && sha.ValueKind == JsonValueKind.String
            ? sha.GetString()
            : null;
    }

    /// <summary>
    /// <c>pull_request.base.sha</c>: the commit the pull request's changes are measured against, which lint compares
    /// with to check only what the pull request adds or changes. Null outside pull request events.
    /// </summary>
    public static string? PullRequestBaseSha(string eventPath)
    {
        using var payload = Read(eventPath);
        return payload.RootElement is { ValueKind: JsonValueKind.Object } root
               && root.TryGetProperty("pull_request", out var pullRequest) && pullRequest.ValueKind == JsonValueKind.Object
               && pullRequest.TryGetProperty("base", out var @base) && @base.ValueKind == JsonValueKind.Object
               && @base.TryGetProperty("sha", out var sha) && sha.ValueKind == JsonValueKind.String
            ? sha.GetString()
            : null;
    }

    static JsonDocument Read(string eventPath)
    {
        try
        {
            using var stream = File.OpenRead(eventPath);
            return JsonDocument.Parse(stream);
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
    }

    static int? NumberOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("number", out var number)
        && number.TryGetInt32(out var value)
            ? value
            : null;
}
