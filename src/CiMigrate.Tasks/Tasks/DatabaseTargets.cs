using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.Hosting;
using CiMigrate.Kubernetes;

namespace CiMigrate.Tasks;

/// <summary>Chooses the way in to an environment's database: the one place a new kind of target plugs in.</summary>
public static class DatabaseTargets
{
    /// <summary>
    /// <c>--database-url</c> wins; else an environment with a <c>kubernetes</c> block gets the port-forward target
    /// (kubeconfig from <c>--kubeconfig</c>, the action input, <c>KUBECONFIG</c>, <c>~/.kube/config</c> or the
    /// in-cluster service account); else the environment's connection string.
    /// </summary>
    public static IDatabaseTarget For(EnvironmentSettings environment, TaskContext context) =>
        context.Workspace.Settings.DatabaseUrl is null
            ? Configured(environment, context)
            : new ConnectionStringTarget(context.Workspace.ConnectionString(environment));

    /// <summary>The environment's own way in, ignoring <c>--database-url</c> (which names the run's target, not another environment's).</summary>
    public static IDatabaseTarget Configured(EnvironmentSettings environment, TaskContext context) =>
        environment.Kubernetes is { } kubernetes
            ? new KubernetesDatabaseTarget(kubernetes, context.Get(KubernetesOptions.Kubeconfig), context.Secrets, context.Output,
                context.Environment)
            : new ConnectionStringTarget(context.Workspace.ConnectionString(environment));

    /// <summary>
    /// The hooks after DDL for a run on <paramref name="environment"/>: PostgREST's reload and the grant check, and a
    /// rollout restart of PostgREST when the run goes through the environment's <c>kubernetes</c> block and it names
    /// <c>restartDeployment</c>.
    /// </summary>
    public static IReadOnlyList<IAfterApplyHook> AfterApply(EnvironmentSettings environment, TaskContext context) =>
        context.Workspace.Settings.DatabaseUrl is null && environment.Kubernetes is { RestartDeployment: { } deployment } kubernetes
            ? [.. Execution.AfterApply.Standard,
                new PostgrestRestart(kubernetes, deployment, context.Get(KubernetesOptions.Kubeconfig), context.Environment)]
            : Execution.AfterApply.Standard;
}
