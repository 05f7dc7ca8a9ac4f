using CiMigrate.Configuration;
using CiMigrate.Hosting;
using CiMigrate.Kubernetes;

namespace CiMigrate.Execution;

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
            ? new KubernetesSessionTarget(kubernetes, context.Get(KubernetesOptions.Kubeconfig), context.Secrets, context.Output,
                context.Environment)
            : new ConnectionStringTarget(context.Workspace.ConnectionString(environment));
}
