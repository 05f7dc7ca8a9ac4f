using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.Migrations;

namespace CiMigrate.GitHub;

/// <summary>
/// <c>requires: staging</c> proven by GitHub instead of staging's database, for a production job that holds only
/// production's secret: the newest successful ci-migrate deployment of this commit to the required environment must
/// name, for the app, every pending version. Versions, not the plan hash: stage-apply's hash covers what was pending
/// on staging in that run, which is empty when staging got the migrations at an earlier commit, while its versions are
/// everything staging holds after the run. The content is the commit's own (the deployment is of this very commit),
/// and stage-apply refuses a migration whose file differs from staging's ledger, so a success means the same files.
/// </summary>
public sealed class DeploymentEvidence(string required, GitHubDeployments deployments, string sha) : IPromotionEvidence
{
    public string Required => required;

    public async Task<IReadOnlyList<string>> MissingAsync(AppSettings app, IReadOnlyList<Migration> pending,
        CancellationToken cancellationToken)
    {
        var deployment = await deployments.NewestSuccessfulAsync(required, sha, app.Name, cancellationToken);
        var fix = $"run the deploy workflow's {required} job for commit {sha} (it records the deployment)";
        if (deployment is null)
            return [$"commit {sha} has no successful ci-migrate deployment to {required} on GitHub; {fix}"];
        var recorded = new HashSet<string>(deployment.Versions ?? [], StringComparer.Ordinal);
        var missing = pending.Where(m => !recorded.Contains(m.Version)).Select(m => m.Up.DisplayPath).ToList();
        return missing.Count == 0
            ? []
            : [$"deployment {deployment.Id} of commit {sha} to {required} does not name {string.Join(", ", missing)} for {app.Name}; {fix}"];
    }
}
