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
        {
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
    }

    static int? NumberOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("number", out var number)
        && number.TryGetInt32(out var value)
            ? value
            : null;
}
