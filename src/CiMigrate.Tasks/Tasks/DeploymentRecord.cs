using CiMigrate.Execution;
using CiMigrate.GitHub;
using CiMigrate.Hosting;
using CiMigrate.Planning;

namespace CiMigrate.Tasks;

/// <summary>
/// After a successful apply to an environment another one <c>requires</c>, in GitHub Actions with a token: a GitHub
/// deployment of the commit to this environment, naming every version its ledger holds for the app, so the next
/// environment's job can prove promotion without this environment's secret (<see cref="DeploymentEvidence"/>).
/// </summary>
static class DeploymentRecord
{
    public static async Task WriteAsync(TaskContext context, TaskTarget target, MigrationSession session,
        History.HistoryComparison comparison, CancellationToken cancellationToken)
    {
        var environment = target.Environment.Name;
        var next = context.Workspace.Settings.Environments.Values.FirstOrDefault(e => e.Requires == environment)?.Name;
        var github = GitHubIntegration.From(context, context.Get(GitHubOptions.Token));
        if (next is null || github.Context is not { IsActions: true, HasToken: true, Sha: { } sha })
            return;

        var versions = (await session.Ledger.ReadAsync(cancellationToken)).Select(a => a.Version).ToList();
        try
        {
            var id = await github.CreateDeployments().RecordAsync(environment, sha, target.App.Name,
                PlanHash.Of(target.App.Name, next, comparison.History, comparison.Pending), versions, github.Context.RunUrl, cancellationToken);
            await context.Error.WriteLineAsync($"Recorded deployment {id} of {sha} to {environment} on GitHub ({versions.Count} version(s) of {target.App.Name}).");
        }
        catch (ExecutionException ex)
        {
            // The migrations are applied; only the proof for the next environment is missing, and its job says so.
            await context.Error.WriteLineAsync(WorkflowCommands.Warning(
                $"{ex.Message} {next} cannot prove this commit passed through {environment} without reaching its database."));
        }
    }
}
