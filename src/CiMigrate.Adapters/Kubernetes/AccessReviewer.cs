using CiMigrate.Configuration;
using k8s;
using k8s.Models;

namespace CiMigrate.Kubernetes;

/// <summary>
/// Asks the API server what the current credentials may do (SelfSubjectAccessReview, allowed for everyone by
/// default), so doctor names a missing permission before a run trips over it.
/// </summary>
public sealed class AccessReviewer(IKubernetes client)
{
    /// <summary>The accesses a run needs for these settings.</summary>
    public static IReadOnlyList<Access> Needed(KubernetesSettings settings, string @namespace)
    {
        var needed = new List<Access>
        {
            new("get", "secrets", settings.PasswordSecret.Name, @namespace),
            settings.Pod is null ? new("list", "pods", null, @namespace) : new("get", "pods", settings.Pod, @namespace),
            new("create", "pods/portforward", settings.Pod, @namespace),
        };
        if (settings.RestartDeployment is { } deployment)
            needed.Add(new("patch", "deployments", deployment, @namespace));
        return needed;
    }

    /// <summary>Whether the access is allowed, and the server's reason when it gives one.</summary>
    public async Task<(bool Allowed, string? Reason)> ReviewAsync(Access access, CancellationToken cancellationToken)
    {
        var parts = access.Resource.Split('/', 2);
        var review = new V1SelfSubjectAccessReview
        {
            ApiVersion = "authorization.k8s.io/v1",
            Kind = "SelfSubjectAccessReview",
            Spec = new V1SelfSubjectAccessReviewSpec
            {
                ResourceAttributes = new V1ResourceAttributes
                {
                    Verb = access.Verb,
                    Group = parts[0] == "deployments" ? "apps" : "",
                    Resource = parts[0],
                    Subresource = parts.Length > 1 ? parts[1] : null,
                    Name = access.Name,
                    NamespaceProperty = access.Namespace,
                },
            },
        };
        var result = await KubernetesErrors.CallAsync(new Access("create", "selfsubjectaccessreviews", null, access.Namespace),
            () => client.AuthorizationV1.CreateSelfSubjectAccessReviewAsync(review, cancellationToken: cancellationToken));
        return (result.Status?.Allowed == true, string.IsNullOrWhiteSpace(result.Status?.Reason) ? null : result.Status.Reason);
    }
}
