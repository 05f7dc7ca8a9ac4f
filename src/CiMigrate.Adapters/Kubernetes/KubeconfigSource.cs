using k8s;

namespace CiMigrate.Kubernetes;

/// <summary>
/// A resolved kubeconfig: the client configuration, where it came from (for doctor and messages) and, for the
/// action input, the temporary file that holds it, deleted on dispose.
/// </summary>
public sealed class KubeconfigSource(
    KubernetesClientConfiguration configuration, string origin, string? temporaryFile = null) : IDisposable
{
    public KubernetesClientConfiguration Configuration { get; } = configuration;

    /// <summary>Where the configuration came from: a path, <c>the action input kubeconfig</c>, or the service account.</summary>
    public string Origin { get; } = origin;

    /// <summary>The context in use; null for the in-cluster service account.</summary>
    public string? Context => Configuration.CurrentContext;

    /// <summary>The namespace to use when settings name none: the context's, else <c>default</c>.</summary>
    public string DefaultNamespace => string.IsNullOrEmpty(Configuration.Namespace) ? "default" : Configuration.Namespace;

    public void Dispose()
    {
        if (temporaryFile is not null && File.Exists(temporaryFile))
            File.Delete(temporaryFile);
    }
}
