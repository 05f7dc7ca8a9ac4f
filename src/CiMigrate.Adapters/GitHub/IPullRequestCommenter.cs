namespace CiMigrate.GitHub;

/// <summary>
/// Puts the plan where reviewers read it: a sticky pull request comment on GitHub
/// (<see cref="GitHubPullRequestCommenter"/>), or stdout/a file for local runs, so both share one code path.
/// </summary>
public interface IPullRequestCommenter
{
    /// <summary>Creates or updates the comment carrying <see cref="StickyComment.Marker"/>.</summary>
    Task<CommentResult> UpsertAsync(StickyComment comment, CancellationToken cancellationToken = default);
}
