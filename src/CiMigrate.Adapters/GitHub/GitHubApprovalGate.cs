using CiMigrate.Configuration;
using CiMigrate.Execution;

namespace CiMigrate.GitHub;

/// <summary>
/// The approval gate of a protected environment in GitHub Actions: the workflow run must carry an approval of the
/// environment; the approver's login goes into the ledger. A missing approval (<see cref="ApprovalMissingException"/>)
/// is a refused decision, reported with the run before anything is applied.
/// </summary>
public sealed class GitHubApprovalGate(GitHubIntegration github, string task) : IApprovalGate
{
    public async Task<ApprovalDecision> CheckAsync(EnvironmentSettings environment, CancellationToken cancellationToken)
    {
        try
        {
            var approval = await github.CreateApprovals().RequireApprovalAsync(environment.Name, task, cancellationToken);
            return new ApprovalDecision(true, approval.Approver, null);
        }
        catch (ApprovalMissingException ex)
        {
            return new ApprovalDecision(false, null, ex.Message);
        }
    }
}
