using System.Security.Cryptography.X509Certificates;
using System.Text;
using CiMigrate.Hosting;
using k8s;
using k8s.Authentication;
using k8s.Exceptions;

namespace CiMigrate.Kubernetes;

/// <summary>
/// Finds the kubeconfig the way kubectl users expect, first match wins: an explicit path, the GitHub action input
/// <c>kubeconfig</c> (<c>INPUT_KUBECONFIG</c>, base64 or plain YAML), <c>KUBECONFIG</c>, <c>~/.kube/config</c>, and
/// inside a cluster the pod's service account. Environment variables come from the dictionary passed in, never
/// from the process, so tests and the task host decide what is seen.
/// </summary>
public sealed class KubeconfigResolver(
    IReadOnlyDictionary<string, string?> environment,
    string serviceAccountDirectory = KubeconfigResolver.DefaultServiceAccountDirectory)
{
    public const string DefaultServiceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";
    const string ActionInput = "INPUT_KUBECONFIG";

    /// <summary>Resolves the kubeconfig and the context; throws <see cref="UsageException"/> with what to do.</summary>
    public KubeconfigSource Resolve(string? explicitPath, string? context)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            if (!File.Exists(explicitPath))
                throw new UsageException($"The kubeconfig file {explicitPath} does not exist.");
            return FromFile(explicitPath, context, explicitPath);
        }

        if (Variable(ActionInput) is { } input)
            return FromActionInput(input, context);

        if (Variable("KUBECONFIG") is { } kubeconfig)
        {
            var paths = kubeconfig.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(File.Exists).ToArray();
            if (paths.Length == 0)
                throw new UsageException($"KUBECONFIG names no file that exists ({kubeconfig}).");
            var path = FileDefining(paths, context);
            return FromFile(path, context, $"KUBECONFIG ({path})");
        }

        if (Variable("HOME") is { } home && Path.Combine(home, ".kube", "config") is var homeConfig && File.Exists(homeConfig))
            return FromFile(homeConfig, context, homeConfig);

        if (Variable("KUBERNETES_SERVICE_HOST") is { } host && File.Exists(Path.Combine(serviceAccountDirectory, "token")))
            return InCluster(host, Variable("KUBERNETES_SERVICE_PORT") ?? "443");

        throw new UsageException(
            "No kubeconfig found: pass --kubeconfig, set the action input kubeconfig or KUBECONFIG, " +
            "create ~/.kube/config, or run inside the cluster with a service account.");
    }

    string? Variable(string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>
    /// KubernetesClient does not merge several files publicly; the first file that defines the wanted context (or,
    /// without one, a current context) is the one kubectl's merge would take it from.
    /// </summary>
    static string FileDefining(string[] paths, string? context)
    {
        foreach (var path in paths)
        {
            try
            {
                var config = KubeconfigFile.Load(path);
                if (context is null ? !string.IsNullOrEmpty(config.CurrentContext) : config.Contexts?.Any(c => c.Name == context) == true)
                    return path;
            }
            catch (KubeConfigException)
            {
                // An unreadable file is reported when it is the one chosen; here it only cannot define the context.
            }
        }

        return paths[0];
    }

    static KubeconfigSource FromFile(string path, string? context, string origin)
    {
        try
        {
            return new KubeconfigSource(KubeconfigFile.Build(path, context), origin);
        }
        catch (KubeConfigException ex)
        {
            throw new UsageException($"The kubeconfig {origin} cannot be used: {ex.Message}", ex);
        }
    }

    static KubeconfigSource FromActionInput(string input, string? context)
    {
        var yaml = DecodeIfBase64(input);
        var path = Path.Combine(Path.GetTempPath(), $"ci-migrate-kubeconfig-{Guid.NewGuid():N}.yaml");
        // Created 0600 from the start: the file holds credentials and must never be readable by others, not even briefly.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(path, Encoding.UTF8, options))
            writer.Write(yaml);

        try
        {
            var source = FromFile(path, context, "the action input kubeconfig");
            return new KubeconfigSource(source.Configuration, source.Origin, path);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Secrets are often stored base64-encoded (<c>base64 -w0 ~/.kube/config</c>); YAML never decodes to YAML.</summary>
    static string DecodeIfBase64(string input)
    {
        var trimmed = input.Trim();
        var buffer = new byte[trimmed.Length];
        if (!trimmed.Contains(':') && Convert.TryFromBase64String(trimmed, buffer, out var written))
            return Encoding.UTF8.GetString(buffer, 0, written);
        return input;
    }

    KubeconfigSource InCluster(string host, string port)
    {
        var configuration = new KubernetesClientConfiguration
        {
            Host = new UriBuilder("https", host, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture)).ToString(),
            TokenProvider = new TokenFileAuth(Path.Combine(serviceAccountDirectory, "token")),
        };
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPemFile(Path.Combine(serviceAccountDirectory, "ca.crt"));
        configuration.SslCaCerts = certificates;
        var namespaceFile = Path.Combine(serviceAccountDirectory, "namespace");
        if (File.Exists(namespaceFile))
            configuration.Namespace = File.ReadAllText(namespaceFile).Trim();
        return new KubeconfigSource(configuration, $"the in-cluster service account ({serviceAccountDirectory})");
    }
}
