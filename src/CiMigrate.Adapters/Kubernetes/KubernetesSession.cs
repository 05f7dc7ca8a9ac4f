using CiMigrate.Configuration;
using k8s;

namespace CiMigrate.Kubernetes;

/// <summary>
/// A client for one cluster, from a resolved kubeconfig, with the namespace to work in. Disposing it deletes a
/// temporary kubeconfig written from the action input.
/// </summary>
public sealed class KubernetesSession : IDisposable
{
    KubernetesSession(KubeconfigSource source, IKubernetes client, string @namespace)
    {
        Source = source;
        Client = client;
        Namespace = @namespace;
    }

    public KubeconfigSource Source { get; }
    public IKubernetes Client { get; }

    /// <summary>The settings' namespace, else the context's, else <c>default</c>.</summary>
    public string Namespace { get; }

    /// <summary>Resolves the kubeconfig (see <see cref="KubeconfigResolver"/>) and creates the client.</summary>
    public static KubernetesSession Open(KubernetesSettings settings, string? kubeconfigPath,
        IReadOnlyDictionary<string, string?> environment) =>
        Open(new KubeconfigResolver(environment).Resolve(kubeconfigPath, settings.Context), settings.Namespace);

    public static KubernetesSession Open(KubeconfigSource source, string? @namespace)
    {
        try
        {
            return new KubernetesSession(source, new k8s.Kubernetes(source.Configuration), @namespace ?? source.DefaultNamespace);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        Source.Dispose();
    }
}
