using CiMigrate.Hosting;
using CiMigrate.Reporting;
using CiMigrate.Secrets;
using Octokit;

namespace CiMigrate.GitHub;

/// <summary>
/// The approval gate of a protected environment: reads the review history of the running workflow run
/// (<c>GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals</c>) and looks for an approval of the
/// environment. GitHub only starts a job with <c>environment: &lt;name&gt;</c> after its required reviewers
/// approved; this check makes the tool refuse when the workflow was set up without that protection.
/// </summary>
public sealed class GitHubApprovals
{
    readonly IGitHubClient _client;
    readonly string _owner;
    readonly string _repository;
    readonly long _runId;
    readonly SecretMasker _secrets;

    internal GitHubApprovals(IGitHubClient client, string owner, string repository, long runId, SecretMasker secrets)
    {
        _client = client;
        _owner = owner;
        _repository = repository;
        _runId = runId;
        _secrets = secrets;
    }

    public long RunId => _runId;

    /// <summary>The approval of <paramref name="environment"/>; refuses with a message saying what to set up.</summary>
    /// <param name="environment">The deployment environment, as named in the workflow's <c>environment:</c>.</param>
    /// <param name="task">The task asking, for the message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="ApprovalMissingException">No approval of that environment for this run.</exception>
    public async Task<RunApproval> RequireApprovalAsync(string environment, string task, CancellationToken cancellationToken = default)
    {
        var reviews = await ReadAsync(cancellationToken);
        if (Match(reviews, environment) is { } approval)
            return approval;

        var others = reviews
            .SelectMany(review => review.Environments.Select(name => $"'{name}' {(review.Approved ? "approved" : "rejected")} by {review.Login}"))
            .ToList();
        var found = others.Count == 0 ? "none found" : $"found only {string.Join(", ", others)}";
        throw new ApprovalMissingException(environment, _runId,
            $"{task} needs an approval of environment '{environment}' for run {_runId}; {found}. " +
            $"Give the environment required reviewers (Settings > Environments > {environment}) and run the job with " +
            $"'environment: {environment}'.");
    }

    // Any approval of the environment in this run counts: a rejection stops the run before the job starts, so a
    // rejected review and a running job cannot come together.
    static RunApproval? Match(IReadOnlyList<ApprovalReview> reviews, string environment) =>
        reviews
            .Where(review => review.Approved && review.Environments.Contains(environment, StringComparer.OrdinalIgnoreCase))
            .Select(review => new RunApproval(environment, review.Login, review.Comment))
            .FirstOrDefault();

    async Task<IReadOnlyList<ApprovalReview>> ReadAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<EnvironmentApprovals> history;
        try
        {
            history = await _client.Actions.Workflows.Runs.GetReviewHistory(_owner, _repository, _runId);
        }
        catch (ApiException ex)
        {
            // The Actions token reads run approvals only when the workflow grants it.
            var hint = ex is ForbiddenException ? " The workflow needs 'permissions: actions: read'." : "";
            throw new ExecutionException(GitHubErrors.Describe(
                $"Reading the approvals of run {_runId} (GET /repos/{_owner}/{_repository}/actions/runs/{_runId}/approvals)",
                ex, _secrets) + hint);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return history
            .Select(entry => new ApprovalReview(
                string.Equals(entry.State.StringValue, "approved", StringComparison.OrdinalIgnoreCase),
                entry.User?.Login ?? "(unknown)",
                entry.Comment,
                entry.Environments?.Select(e => e.Name).ToList() ?? []))
            .ToList();
    }
}
