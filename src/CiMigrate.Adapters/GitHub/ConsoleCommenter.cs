namespace CiMigrate.GitHub;

/// <summary>For a run outside a pull request: prints the comment as it would be posted.</summary>
public sealed class ConsoleCommenter(TextWriter output) : IPullRequestCommenter
{
    public async Task<CommentResult> UpsertAsync(StickyComment comment, CancellationToken cancellationToken = default)
    {
        await output.WriteLineAsync(comment.MarkedBody.AsMemory(), cancellationToken);
        return new CommentResult(CommentOutcome.Written);
    }
}
