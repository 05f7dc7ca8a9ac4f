using System.Globalization;
using System.Text.Json.Nodes;
using CiMigrate.Hosting;
using k8s;
using k8s.Models;

namespace CiMigrate.Kubernetes;

/// <summary>
/// <c>kubectl rollout restart deployment rest</c> followed by <c>kubectl rollout status --timeout</c>: PostgREST
/// pods restart and load the new schema. Polls; a rollout that does not complete in time is an error.
/// </summary>
public sealed class PostgrestRestarter
{
    /// <summary>The annotation kubectl sets on the pod template; a changed template is what rolls the pods.</summary>
    public const string RestartedAtAnnotation = "kubectl.kubernetes.io/restartedAt";

    const string ProgressDeadlineExceeded = "the rollout exceeded its progress deadline (ProgressDeadlineExceeded)";

    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(2);

    readonly IKubernetes _client;
    readonly TimeProvider _time;
    readonly Func<TimeSpan, CancellationToken, Task> _wait;
    readonly TimeSpan _pollInterval;

    public PostgrestRestarter(IKubernetes client, TimeProvider? time = null,
        Func<TimeSpan, CancellationToken, Task>? wait = null, TimeSpan? pollInterval = null)
    {
        _client = client;
        _time = time ?? TimeProvider.System;
        _wait = wait ?? ((delay, token) => Task.Delay(delay, _time, token));
        _pollInterval = pollInterval ?? DefaultPollInterval;
    }

    /// <summary>Restarts the deployment and waits until its rollout completes; throws <see cref="ExecutionException"/> on timeout.</summary>
    public async Task RestartAsync(string @namespace, string deployment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var restartedAt = _time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        // kubectl rollout restart's own patch. A JsonObject, not an anonymous type: the serializer's reflection is not
        // there in the Native AOT build.
        var body = new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [RestartedAtAnnotation] = restartedAt } },
                },
            },
        };
        var patch = new V1Patch(body.ToJsonString(), V1Patch.PatchType.StrategicMergePatch);
        var patched = await KubernetesErrors.CallAsync(new Access("patch", "deployments", deployment, @namespace),
            () => _client.AppsV1.PatchNamespacedDeploymentAsync(patch, deployment, @namespace, cancellationToken: cancellationToken));
        var generation = patched.Metadata.Generation ?? 0;

        var deadline = _time.GetUtcNow() + timeout;
        var current = patched;
        while (true)
        {
            var (done, waitingFor) = RolloutStatus(current, generation);
            if (done)
                return;
            if (waitingFor == ProgressDeadlineExceeded)
                throw new ExecutionException(
                    $"The rollout restart of deployment {@namespace}/{deployment} failed: {waitingFor}. Look at " +
                    $"'kubectl describe deployment -n {@namespace} {deployment}'.");
            if (_time.GetUtcNow() >= deadline)
                throw new ExecutionException(
                    $"The rollout restart of deployment {@namespace}/{deployment} did not complete within {Describe(timeout)}: " +
                    $"{waitingFor}. PostgREST may still serve the old schema cache; look at " +
                    $"'kubectl rollout status deployment -n {@namespace} {deployment}'.");

            await _wait(_pollInterval, cancellationToken);
            current = await KubernetesErrors.CallAsync(new Access("get", "deployments", deployment, @namespace),
                () => _client.AppsV1.ReadNamespacedDeploymentAsync(deployment, @namespace, cancellationToken: cancellationToken));
        }
    }

    /// <summary>
    /// kubectl's rollout status for a Deployment: the controller has seen our change, every replica is updated
    /// and available, and no old replica is left.
    /// </summary>
    public static (bool Done, string WaitingFor) RolloutStatus(V1Deployment deployment, long generation)
    {
        var status = deployment.Status ?? new V1DeploymentStatus();
        var wanted = deployment.Spec?.Replicas ?? 1;
        var updated = status.UpdatedReplicas ?? 0;
        var replicas = status.Replicas ?? 0;
        var available = status.AvailableReplicas ?? 0;
        if ((status.ObservedGeneration ?? 0) < generation)
            return (false, "the deployment controller has not observed the restart yet");
        if (status.Conditions?.FirstOrDefault(c => c.Type == "Progressing")?.Reason == "ProgressDeadlineExceeded")
            return (false, ProgressDeadlineExceeded);
        if (updated < wanted)
            return (false, $"{updated} of {wanted} replicas updated");
        if (replicas > updated)
            return (false, $"{replicas - updated} old replicas are pending termination");
        if (available < updated)
            return (false, $"{available} of {updated} updated replicas available");
        return (true, "");
    }

    static string Describe(TimeSpan timeout) =>
        timeout.TotalSeconds < 120 ? $"{timeout.TotalSeconds:0}s" : $"{timeout.TotalMinutes:0.#}m";
}
