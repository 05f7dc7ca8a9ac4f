using CiMigrate.Execution;
using CiMigrate.Configuration;
using CiMigrate.Secrets;
using Npgsql;

namespace CiMigrate.Kubernetes;

/// <summary>
/// A database in a pod, reached through an in-process port-forward with the password read from a Secret: the
/// runbook's <c>kubectl port-forward</c> plus <c>PGSSLMODE=disable</c>, without kubectl. Opened on a
/// <see cref="KubernetesSession"/> that the caller owns (<see cref="KubernetesDatabaseTarget"/> opens one per connection).
/// </summary>
public sealed class PodDatabase(
    KubernetesSettings settings, KubernetesSession session, SecretMasker secrets, TextWriter output,
    IReadOnlyDictionary<string, string?> environment)
{
    /// <summary>
    /// Checks the pod is Running and Ready, reads and masks the password, and starts the port-forward. The
    /// connection string has SSL off: the tunnel through the API server is the encrypted hop, and PostgreSQL
    /// behind a port-forward refuses TLS (the runbook's TLS error).
    /// </summary>
    public async Task<DatabaseConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var pod = await new PodLocator(session.Client)
            .FindReadyPodAsync(session.Namespace, settings.Pod, settings.Selector, cancellationToken);
        var password = await new SecretPasswordReader(session.Client, secrets, output, environment)
            .ReadAsync(session.Namespace, settings.PasswordSecret, cancellationToken);
        var forwarder = PortForwarder.Start(session.Client, session.Namespace, pod, settings.Port);
        var connectionString = ConnectionString(forwarder.LocalPort, settings, password);
        secrets.Add(connectionString);
        return new DatabaseConnection(connectionString, forwarder.DisposeAsync, () => forwarder.LostReason);
    }

    /// <summary>The connection string through a port-forward listening on <paramref name="localPort"/>.</summary>
    public static string ConnectionString(int localPort, KubernetesSettings settings, string password) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = localPort,
            Username = settings.User,
            Password = password,
            Database = settings.Database,
            SslMode = SslMode.Disable,
        }.ConnectionString;
}
