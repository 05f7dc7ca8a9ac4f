using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.GitHub;
using CiMigrate.Hosting;
using CiMigrate.Kubernetes;

namespace CiMigrate.Tasks;

/// <summary>
/// Resolves an environment's settings into a <see cref="DeploymentEnvironment"/>: the one place that chooses the way in
/// to a database, the hooks after DDL and the gates. A new kind of target, hook or promotion evidence plugs in here.
/// Which settings an environment has (and that <c>--database-url</c> belongs to the run's own only) is
/// <see cref="Workspace.Environment"/>'s and <see cref="Workspace.Named"/>'s decision.
/// </summary>
public static class Environments
{
    /// <summary>The run's own environment: <c>--env</c>, else <paramref name="defaultName"/>; <c>--database-url</c> is its way in.</summary>
    public static DeploymentEnvironment Run(TaskContext context, string? defaultName = null) =>
        Of(context, context.Workspace.Environment(defaultName));

    /// <summary>Another environment a task names (<c>--shadow-env</c>, <c>copy-schema --from</c>): its own way in, never <c>--database-url</c>.</summary>
    public static DeploymentEnvironment Named(TaskContext context, string name) => Of(context, context.Workspace.Named(name));

    /// <summary>
    /// <paramref name="settings"/> resolved: a Kubernetes block gets the port-forward target (kubeconfig from
    /// <c>--kubeconfig</c>, the action input, <c>KUBECONFIG</c>, <c>~/.kube/config</c> or the in-cluster service account)
    /// and, with <c>restartDeployment</c>, PostgREST's rollout restart after DDL; else the connection string.
    /// </summary>
    public static DeploymentEnvironment Of(TaskContext context, EnvironmentSettings settings) => new()
    {
        Settings = settings,
        Database = Database(context, settings),
        AfterApply = settings.Kubernetes is { RestartDeployment: { } deployment } kubernetes
            ? [.. Execution.AfterApply.Standard,
                new PostgrestRestart(kubernetes, deployment, context.Get(KubernetesOptions.Kubeconfig), context.Environment)]
            : Execution.AfterApply.Standard,
        Approval = () => Approval(context, settings),
        Promotion = settings.Requires is { } required ? Promotion(context, context.Workspace.Named(required)) : null,
    };

    static IDatabaseTarget Database(TaskContext context, EnvironmentSettings settings) =>
        settings.Kubernetes is { } kubernetes
            ? new KubernetesDatabaseTarget(kubernetes, context.Get(KubernetesOptions.Kubeconfig), context.Secrets, context.Output,
                context.Environment)
            : new ConnectionStringTarget(context.Workspace.ConnectionString(settings));

    /// <summary>
    /// The proof of <c>requires</c>: the required environment's ledger when this job can reach its database; else, in
    /// GitHub Actions with a token, the deployment of this commit that the required environment's job recorded
    /// (<see cref="DeploymentEvidence"/>); else the ledger, whose missing connection is then the error.
    /// </summary>
    static IPromotionEvidence Promotion(TaskContext context, EnvironmentSettings required)
    {
        // Only the apply tasks carry --github-token; status and doctor read GITHUB_TOKEN alone.
        var token = context.ParseResult.CommandResult.Command.Options.Contains(GitHubOptions.Token) ? context.Get(GitHubOptions.Token) : null;
        if (!context.Workspace.HasConnection(required) && GitHubIntegration.From(context, token) is
            { Context: { IsActions: true, HasToken: true, Sha: { } sha } } github)
            return new DeploymentEvidence(required.Name, github.CreateDeployments(), sha);
        // The required environment is read only when something is pending, so its connection is made then.
        return new PromotionGate(required, () => Database(context, required));
    }

    /// <summary>The GitHub approval gate when the environment requires an approval (<see cref="EnvironmentSettings.RequiresApproval"/>).</summary>
    static IApprovalGate Approval(TaskContext context, EnvironmentSettings settings) =>
        settings.RequiresApproval(GitHubActionsRun.Detected(context.Environment))
            ? new GitHubApprovalGate(GitHubIntegration.From(context, context.Get(GitHubOptions.Token)), context.ParseResult.CommandResult.Command.Name)
            : NoApprovalGate.Instance;
}
