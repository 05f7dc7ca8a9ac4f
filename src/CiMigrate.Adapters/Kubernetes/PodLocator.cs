using CiMigrate.Hosting;
using k8s;
using k8s.Models;

namespace CiMigrate.Kubernetes;

/// <summary>
/// Finds the database pod, by name or by label selector, and insists it is Running and Ready: a port-forward to a
/// pod that is starting or failing would give a connection error that hides the real cause.
/// </summary>
public sealed class PodLocator(IKubernetes client)
{
    /// <summary>Returns the pod's name; throws <see cref="ExecutionException"/> naming the pod and its conditions.</summary>
    public async Task<string> FindReadyPodAsync(string @namespace, string? pod, string? selector, CancellationToken cancellationToken)
    {
        if (pod is not null)
        {
            var found = await KubernetesErrors.CallAsync(new Access("get", "pods", pod, @namespace),
                () => client.CoreV1.ReadNamespacedPodAsync(pod, @namespace, cancellationToken: cancellationToken));
            if (NotReadyBecause(found) is { } problem)
                throw new ExecutionException($"The pod {@namespace}/{pod} is not ready: {problem}. {Advice(@namespace, pod)}");
            return pod;
        }

        var list = await KubernetesErrors.CallAsync(new Access("list", "pods", null, @namespace),
            () => client.CoreV1.ListNamespacedPodAsync(@namespace, labelSelector: selector, cancellationToken: cancellationToken));
        var pods = list.Items.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal).ToList();
        if (pods.Count == 0)
            throw new ExecutionException($"No pod in namespace {@namespace} matches the selector {selector}.");
        if (pods.FirstOrDefault(p => NotReadyBecause(p) is null) is { } ready)
            return ready.Metadata.Name;

        var problems = pods.Select(p => $"{@namespace}/{p.Metadata.Name}: {NotReadyBecause(p)}");
        throw new ExecutionException(
            $"No pod matching {selector} is Running and Ready: {string.Join("; ", problems)}. " +
            Advice(@namespace, pods[0].Metadata.Name));
    }

    /// <summary>Null when the pod is Running and Ready; otherwise its phase and conditions, as kubectl describe shows them.</summary>
    public static string? NotReadyBecause(V1Pod pod)
    {
        var phase = pod.Status?.Phase ?? "Unknown";
        var conditions = pod.Status?.Conditions ?? [];
        var ready = conditions.FirstOrDefault(c => c.Type == "Ready")?.Status == "True";
        if (phase == "Running" && ready)
            return null;
        var described = conditions.Count == 0
            ? "no conditions reported"
            : string.Join(", ", conditions.Select(c => c.Reason is null ? $"{c.Type}={c.Status}" : $"{c.Type}={c.Status} ({c.Reason})"));
        return $"phase {phase}, {described}";
    }

    static string Advice(string @namespace, string pod) =>
        $"Wait until it is Ready, or look at 'kubectl describe pod -n {@namespace} {pod}'.";
}
