using CiMigrate.Configuration;
using System.Diagnostics;
using CiMigrate.Execution;
using CiMigrate.Execution.Events;

namespace CiMigrate.Kubernetes;

/// <summary>
/// After DDL in an environment with <c>kubernetes.restartDeployment</c>: a rollout restart of PostgREST's deployment,
/// waited for up to <c>rolloutTimeout</c>, on a cluster session of its own.
/// </summary>
public sealed class PostgrestRestart(KubernetesSettings settings, string deployment, string? kubeconfigPath,
    IReadOnlyDictionary<string, string?> environment) : IAfterApplyHook
{
    public async Task RunAsync(MigrationSession session, ExecutionLog log, CancellationToken cancellationToken)
    {
        using var cluster = KubernetesSession.Open(settings, kubeconfigPath, environment);
        var clock = Stopwatch.StartNew();
        await new PostgrestRestarter(cluster.Client).RestartAsync(cluster.Namespace, deployment, settings.RolloutTimeout, cancellationToken);
        log.Add(new PostgrestRestarted(cluster.Namespace, deployment, clock.Elapsed));
    }
}
