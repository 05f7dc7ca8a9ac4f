using System.Net;
using CiMigrate.Hosting;
using CiMigrate.Reporting;
using CiMigrate.Secrets;
using Octokit;

namespace CiMigrate.GitHub;

/// <summary>
/// The sticky comment on a GitHub pull request: among all its comments (every page) written by the token's own
/// user, the one containing the marker is updated in place; otherwise one is created. A 403 on writing (the
/// read-only token of a pull request from a fork) is an outcome, not an exception.
/// </summary>
sealed class GitHubPullRequestCommenter(IGitHubClient client, string owner, string repository, int pullRequest,
    SecretMasker secrets, string fallbackLogin = GitHubContext.ActionsBotLogin) : IPullRequestCommenter
{
    // GitHub's largest page; the default of 30 would cost several requests on a busy pull request.
    const int PageSize = 100;

    public async Task<CommentResult> UpsertAsync(StickyComment comment, CancellationToken cancellationToken = default)
    {
        var login = await LoginAsync();
        var comments = await Call("Reading the comments of the pull request", () =>
            client.Issue.Comment.GetAllForIssue(owner, repository, pullRequest, new ApiOptions { PageSize = PageSize }));
        cancellationToken.ThrowIfCancellationRequested();

        var existing = comments
            .Where(c => string.Equals(c.User?.Login, login, StringComparison.OrdinalIgnoreCase)
                        && c.Body?.Contains(comment.Marker, StringComparison.Ordinal) == true)
            .OrderBy(c => c.Id)
            .FirstOrDefault();
        var body = comment.MarkedBody;
        try
        {
            if (existing is not null)
            {
                if (existing.Body == body)
                    return new CommentResult(CommentOutcome.Unchanged, existing.HtmlUrl);
                var updated = await client.Issue.Comment.Update(owner, repository, existing.Id, body);
                return new CommentResult(CommentOutcome.Updated, updated.HtmlUrl);
            }

            if (!comment.CreateIfMissing)
                return new CommentResult(CommentOutcome.NotNeeded);
            var created = await client.Issue.Comment.Create(owner, repository, pullRequest, body);
            return new CommentResult(CommentOutcome.Created, created.HtmlUrl);
        }
        catch (ForbiddenException ex) when (ex is not RateLimitExceededException and not SecondaryRateLimitExceededException)
        {
            var reason = GitHubErrors.Describe($"Writing the comment on pull request #{pullRequest}", ex, secrets);
            return new CommentResult(CommentOutcome.FellBackToJobSummary, Reason: reason);
        }
        catch (ApiException ex)
        {
            throw new ExecutionException(GitHubErrors.Describe($"Writing the comment on pull request #{pullRequest}", ex, secrets));
        }
    }

    // An Actions GITHUB_TOKEN (an installation token) may not read /user: its comments are by github-actions[bot].
    async Task<string> LoginAsync()
    {
        try
        {
            var user = await client.User.Current();
            return user.Login;
        }
        catch (ForbiddenException ex) when (ex is not RateLimitExceededException and not SecondaryRateLimitExceededException)
        {
            return fallbackLogin;
        }
        catch (ApiException ex) when (ex.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new UsageException(GitHubErrors.Describe("The GitHub token was refused", ex, secrets));
        }
        catch (ApiException ex)
        {
            throw new ExecutionException(GitHubErrors.Describe("Finding the token's user (GET /user)", ex, secrets));
        }
    }

    async Task<T> Call<T>(string action, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ApiException ex)
        {
            throw new ExecutionException(GitHubErrors.Describe(action, ex, secrets));
        }
    }
}
