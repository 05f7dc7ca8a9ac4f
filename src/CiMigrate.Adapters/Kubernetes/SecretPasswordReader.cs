using System.Text;
using CiMigrate.Configuration;
using CiMigrate.Hosting;
using CiMigrate.Reporting;
using CiMigrate.Secrets;
using k8s;

namespace CiMigrate.Kubernetes;

/// <summary>
/// Reads the database password from a Secret and makes it unprintable at once: registered with the run's
/// <see cref="SecretMasker"/> and, in GitHub Actions, announced with <c>::add-mask::</c> so the runner masks it too.
/// </summary>
public sealed class SecretPasswordReader(IKubernetes client, SecretMasker secrets, TextWriter output,
    IReadOnlyDictionary<string, string?> environment)
{
    public async Task<string> ReadAsync(string @namespace, PasswordSecretReference reference, CancellationToken cancellationToken)
    {
        var secret = await KubernetesErrors.CallAsync(new Access("get", "secrets", reference.Name, @namespace),
            () => client.CoreV1.ReadNamespacedSecretAsync(reference.Name, @namespace, cancellationToken: cancellationToken));
        var data = secret.Data ?? new Dictionary<string, byte[]>();
        if (!data.TryGetValue(reference.Key, out var bytes))
        {
            // Key names are not secret; listing them is what makes a typo obvious.
            var keys = data.Count == 0 ? "it has no data" : $"its keys are {string.Join(", ", data.Keys.Order(StringComparer.Ordinal))}";
            throw new ExecutionException(
                $"The Secret {@namespace}/{reference.Name} has no key '{reference.Key}' ({keys}). " +
                "Set passwordSecret.key to the key that holds the database password.");
        }

        var password = Encoding.UTF8.GetString(bytes);
        if (password.Length == 0)
            throw new ExecutionException($"The key '{reference.Key}' of the Secret {@namespace}/{reference.Name} is empty.");

        await MaskAsync(password);
        return password;
    }

    async Task MaskAsync(string password)
    {
        // The workflow command must pass through before the masker knows the value, or it would print as ***.
        if (GitHubActionsRun.Detected(environment))
        {
            foreach (var line in password.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                await output.WriteLineAsync($"::add-mask::{line.TrimEnd('\r')}");
            await output.FlushAsync();
        }

        secrets.Add(password);
    }
}
