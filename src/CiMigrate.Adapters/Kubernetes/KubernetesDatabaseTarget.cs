using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.Secrets;

namespace CiMigrate.Kubernetes;

/// <summary>
/// An environment's <c>kubernetes</c> block as a target: opens the cluster session when the way in is opened and
/// closes it with the connection, so the Kubernetes client (and a temporary kubeconfig from the action input)
/// lives exactly as long as the port-forward (<see cref="PodDatabase"/>) that needs it.
/// </summary>
public sealed class KubernetesDatabaseTarget(
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
            var connection = await new PodDatabase(settings, session, secrets, output, environment).OpenAsync(cancellationToken);
            return connection.Extend(() =>
            {
                session.Dispose();
                return ValueTask.CompletedTask;
            });
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }
}
