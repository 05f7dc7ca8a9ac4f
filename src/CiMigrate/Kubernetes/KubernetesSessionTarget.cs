using System.Diagnostics;
using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.Reporting;
using CiMigrate.Secrets;

namespace CiMigrate.Kubernetes;

/// <summary>
/// An environment's <c>kubernetes</c> block as a target: opens the cluster session when the way in is opened and
/// closes it with the connection, so the Kubernetes client (and a temporary kubeconfig from the action input)
/// lives exactly as long as the port-forward that needs it. After DDL it restarts PostgREST when
/// <c>restartDeployment</c> is set.
/// </summary>
public sealed class KubernetesSessionTarget(
    KubernetesSettings settings, string? kubeconfigPath, SecretMasker secrets, TextWriter output,
    IReadOnlyDictionary<string, string?> environment) : IDatabaseTarget
{
    string? _namespace;

    /// <summary>The pod, in the namespace the session resolved once open (the kubeconfig context's when settings name none).</summary>
    public string Description => $"{settings.Describe(_namespace ?? settings.Namespace ?? "default")} (Kubernetes port-forward)";

    public async Task<DatabaseConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var session = KubernetesSession.Open(settings, kubeconfigPath, environment);
        _namespace = session.Namespace;
        try
        {
            var connection = await new KubernetesDatabaseTarget(settings, session, secrets, output, environment).OpenAsync(cancellationToken);
            return connection.Extend(
                () =>
                {
                    session.Dispose();
                    return ValueTask.CompletedTask;
                },
                settings.RestartDeployment is { } deployment ? token => RestartAsync(session, deployment, token) : null);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    async Task<ExecutionEvent> RestartAsync(KubernetesSession session, string deployment, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await new PostgrestRestarter(session.Client).RestartAsync(session.Namespace, deployment, settings.RolloutTimeout, cancellationToken);
        return new PostgrestRestarted(session.Namespace, deployment, clock.Elapsed);
    }
}
