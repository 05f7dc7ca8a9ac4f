using CiMigrate.Configuration;
using CiMigrate.Hosting;
using CiMigrate.Kubernetes;
using CiMigrate.Reporting;
using CiMigrate.Secrets;
using Npgsql;

namespace CiMigrate.Doctor;

/// <summary>
/// The Kubernetes half of doctor: kubeconfig and context, RBAC, the pod, the Secret, the port-forward; then the
/// database checks run through the port-forward.
/// </summary>
public sealed class KubernetesChecks(
    Checklist checklist, SecretMasker secrets, TextWriter output, IReadOnlyDictionary<string, string?> environment,
    CancellationToken cancellationToken)
{
    public async Task RunAsync(KubernetesSettings settings, string? kubeconfigPath, string? schema, AppIsolation? isolation = null)
    {
        KubernetesSession session;
        try
        {
            session = KubernetesSession.Open(settings, kubeconfigPath, environment);
        }
        catch (UsageException ex)
        {
            checklist.Fail("kubeconfig", ex.Message, "Point ci-migrate at a kubeconfig that has the cluster (--kubeconfig, KUBECONFIG or the action input).");
            return;
        }

        using (session)
        {
            var context = session.Source.Context is { } name ? $", context {name}" : "";
            checklist.Pass("kubeconfig", $"{session.Source.Origin}{context}, server {session.Source.Configuration.Host}, namespace {session.Namespace}");

            await checklist.RunAsync("rbac", () => RbacAsync(session, settings));
            var pod = "";
            await checklist.RunAsync("pod", async () => pod = await PodAsync(session, settings));
            var password = "";
            await checklist.RunAsync("secret", async () => password = await SecretAsync(session, settings));
            await checklist.RunAsync("port-forward", () => ThroughPortForwardAsync(session, settings, pod, password, schema, isolation));
        }
    }

    async Task RbacAsync(KubernetesSession session, KubernetesSettings settings)
    {
        var reviewer = new AccessReviewer(session.Client);
        foreach (var access in AccessReviewer.Needed(settings, session.Namespace))
        {
            bool allowed;
            string? reason;
            try
            {
                (allowed, reason) = await reviewer.ReviewAsync(access, cancellationToken);
            }
            catch (ExecutionException ex)
            {
                checklist.Fail("rbac", ex.Message, "Check that the API server is reachable and the credentials are valid.");
                return;
            }

            if (allowed)
                checklist.Pass("rbac", $"may {access}");
            else
                checklist.Fail("rbac", $"cannot {access}{(reason is null ? "" : $" ({reason})")}",
                    $"Grant '{access.Verb}' on '{access.Resource}' to the kubeconfig's user; see docs/kubernetes/rbac.yaml.",
                    blocks: false);
        }
    }

    async Task<string> PodAsync(KubernetesSession session, KubernetesSettings settings)
    {
        try
        {
            var pod = await new PodLocator(session.Client)
                .FindReadyPodAsync(session.Namespace, settings.Pod, settings.Selector, cancellationToken);
            checklist.Pass("pod", $"{session.Namespace}/{pod} is Running and Ready");
            return pod;
        }
        catch (ExecutionException ex)
        {
            checklist.Fail("pod", ex.Message, "ci-migrate connects only to a Running and Ready pod.");
            return "";
        }
    }

    async Task<string> SecretAsync(KubernetesSession session, KubernetesSettings settings)
    {
        try
        {
            var password = await new SecretPasswordReader(session.Client, secrets, output, environment)
                .ReadAsync(session.Namespace, settings.PasswordSecret, cancellationToken);
            checklist.Pass("secret", $"password read from {session.Namespace}/{settings.PasswordSecret.Name} key {settings.PasswordSecret.Key} (masked)");
            return password;
        }
        catch (ExecutionException ex)
        {
            checklist.Fail("secret", ex.Message, "Check passwordSecret's name and key, and that the Secret is in the namespace.");
            return "";
        }
    }

    async Task ThroughPortForwardAsync(KubernetesSession session, KubernetesSettings settings, string pod, string password, string? schema,
        AppIsolation? isolation)
    {
        await using var forwarder = PortForwarder.Start(session.Client, session.Namespace, pod, settings.Port);
        char? answer;
        try
        {
            answer = await PostgresProbe.SslRequestAsync("127.0.0.1", forwarder.LocalPort, cancellationToken);
        }
        catch (IOException)
        {
            answer = null;
        }

        if (answer is null)
        {
            var loss = forwarder.LastLoss;
            if (loss is null || !loss.Opened)
            {
                checklist.Fail("port-forward", loss?.Reason ?? $"the port-forward to {session.Namespace}/{pod} gave no answer",
                    "The credentials need 'create' on 'pods/portforward'; see docs/kubernetes/rbac.yaml.");
                return;
            }

            checklist.Pass("port-forward", $"tunnel to {session.Namespace}/{pod} opened through the API server");
            checklist.Fail("tcp", $"nothing answered on port {settings.Port} in the pod: {loss.Reason}",
                $"Check that PostgreSQL listens on port {settings.Port} in {pod} (settings: kubernetes.port).");
            return;
        }

        checklist.Pass("port-forward", $"tunnel to {session.Namespace}/{pod}:{settings.Port} through the API server");
        checklist.Pass("tcp", $"PostgreSQL answers on port {settings.Port} in the pod");
        DatabaseChecks.Tls(checklist, answer.Value, SslMode.Disable, throughPortForward: true, "127.0.0.1");

        var connectionString = PodDatabase.ConnectionString(forwarder.LocalPort, settings, password);
        await new DatabaseChecks(checklist, cancellationToken).RunAsync(connectionString, throughPortForward: true, schema, isolation);
    }
}
