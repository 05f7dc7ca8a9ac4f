using System.CommandLine;

namespace CiMigrate.Kubernetes;

/// <summary>Options of the tasks that may reach a database through Kubernetes (an environment's <c>kubernetes</c> block).</summary>
public static class KubernetesOptions
{
    public static readonly Option<string?> Kubeconfig = new("--kubeconfig")
    {
        Description = "The kubeconfig file (default: action input, KUBECONFIG, ~/.kube/config, in-cluster)",
    };
}
