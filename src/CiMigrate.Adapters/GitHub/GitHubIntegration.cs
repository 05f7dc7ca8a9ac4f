using CiMigrate.Reporting;
using CiMigrate.Secrets;

namespace CiMigrate.GitHub;

/// <summary>
/// What a task uses to meet GitHub: the run's <see cref="GitHubContext"/>, job summary, step outputs, secret
/// announcement, the sticky plan comment and the approval gate. Creating it reads only the environment; Octokit
/// is loaded when a comment or approval is first needed, so tasks that never talk to GitHub start fast.
/// </summary>
public sealed class GitHubIntegration
{
    readonly TextWriter _output;
    readonly SecretMasker _secrets;
    readonly RetryPolicy _retry;

    public GitHubIntegration(GitHubContext context, TextWriter output, SecretMasker secrets, RetryPolicy? retry = null)
    {
        Context = context;
        _output = output;
        _secrets = secrets;
        _retry = retry ?? RetryPolicy.Default;
        Summary = new JobSummary(context.IsActions ? context.StepSummaryPath : null);
        Outputs = new ActionOutputs(context.IsActions ? context.OutputPath : null);
    }

    public GitHubContext Context { get; }

    /// <summary><c>$GITHUB_STEP_SUMMARY</c>; unavailable outside Actions.</summary>
    public JobSummary Summary { get; }

    /// <summary><c>$GITHUB_OUTPUT</c>; unavailable outside Actions.</summary>
    public ActionOutputs Outputs { get; }

    /// <summary>
    /// GitHub's commenter in a pull request run with a token; else a file in <paramref name="localDirectory"/>
    /// when given; else stdout.
    /// </summary>
    public IPullRequestCommenter CreateCommenter(string? localDirectory = null)
    {
        if (Context is { HasToken: true, PullRequestNumber: { } number, Owner: { } owner, Repository: { } repository })
            return new GitHubPullRequestCommenter(GitHubClientFactory.Create(Context, _retry), owner, repository, number, _secrets);
        return localDirectory is null ? new ConsoleCommenter(_output) : new FileCommenter(localDirectory);
    }

    /// <summary>
    /// Posts or updates the sticky comment; when GitHub refuses the write (a fork's read-only token) the body goes
    /// to the job summary with a <c>::notice::</c>, and the job goes on.
    /// </summary>
    public async Task<CommentResult> PublishCommentAsync(StickyComment comment, IPullRequestCommenter? commenter = null,
        CancellationToken cancellationToken = default)
    {
        var result = await (commenter ?? CreateCommenter()).UpsertAsync(comment, cancellationToken);
        if (result.Outcome != CommentOutcome.FellBackToJobSummary)
            return result;

        await Summary.AppendAsync(comment.MarkedBody, cancellationToken);
        await _output.WriteLineAsync(WorkflowCommands.Notice(
            $"ci-migrate could not comment on pull request #{Context.PullRequestNumber} (the token may not write, as for " +
            $"pull requests from forks); the plan is in the job summary. {result.Reason}"));
        return result;
    }

    /// <summary>The approval gate for this workflow run.</summary>
    /// <exception cref="UsageException">Not in a workflow run with a repository, run id and token.</exception>
    public GitHubApprovals CreateApprovals()
    {
        if (Context is not { Owner: { } owner, Repository: { } repository, RunId: { } runId } || !Context.HasToken)
            throw new UsageException(
                "The approval gate reads the approvals of the running GitHub Actions workflow: it needs GITHUB_REPOSITORY, " +
                "GITHUB_RUN_ID and a token (--github-token, the action input github-token, or GITHUB_TOKEN).");
        return new GitHubApprovals(GitHubClientFactory.Create(Context, _retry), owner, repository, runId, _secrets);
    }

    /// <summary>The deployments of this repository: the record that an environment was migrated at a commit.</summary>
    /// <exception cref="UsageException">Not in a workflow run with a repository and token.</exception>
    public GitHubDeployments CreateDeployments()
    {
        if (Context is not { Owner: { } owner, Repository: { } repository } || !Context.HasToken)
            throw new UsageException(
                "Deployments are recorded and read in a GitHub Actions run: they need GITHUB_REPOSITORY and a token " +
                "(--github-token, the action input github-token, or GITHUB_TOKEN).");
        return new GitHubDeployments(GitHubClientFactory.Create(Context, _retry), owner, repository, _secrets);
    }
}
