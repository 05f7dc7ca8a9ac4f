using System.Net;
using CiMigrate.Hosting;
using k8s.Autorest;

namespace CiMigrate.Kubernetes;

/// <summary>
/// Turns API server failures into one sentence that names the verb, the resource and what to do, so an RBAC gap
/// reads as "cannot get secrets" and not as a stack trace.
/// </summary>
static class KubernetesErrors
{
    public const string RbacHint = "Grant it with a Role and RoleBinding like docs/kubernetes/rbac.yaml.";

    /// <summary>Runs one API call; failures become an <see cref="ExecutionException"/> naming what was attempted.</summary>
    public static async Task<T> CallAsync<T>(Access access, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (HttpOperationException ex)
        {
            throw new ExecutionException(Describe(access, ex.Response.StatusCode, ex.Response.Content), ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ExecutionException($"Cannot reach the Kubernetes API server to {access}: {ex.Message}", ex);
        }
    }

    public static string Describe(Access access, HttpStatusCode status, string? body) => status switch
    {
        HttpStatusCode.Forbidden =>
            $"Kubernetes refused to {access} (403 Forbidden): the credentials lack '{access.Verb}' on '{access.Resource}'" +
            $" in namespace {access.Namespace}. {RbacHint}",
        HttpStatusCode.Unauthorized =>
            $"Kubernetes rejected the credentials (401 Unauthorized) when trying to {access}: the kubeconfig's token or " +
            "certificate is invalid or expired.",
        HttpStatusCode.NotFound => $"Kubernetes found nothing to {access} (404 Not Found): check the name and the namespace.",
        _ => $"Kubernetes failed to {access} ({(int)status} {status}){Detail(body)}",
    };

    static string Detail(string? body) =>
        string.IsNullOrWhiteSpace(body) ? "." : $": {body.Trim()[..Math.Min(body.Trim().Length, 300)]}";
}
