using CiMigrate.Configuration;
using CiMigrate.Kubernetes;

namespace CiMigrate.Doctor;

/// <summary>
/// What doctor examines: a database behind Kubernetes (settings plus an optional kubeconfig path) or a plain
/// connection string. Built by <see cref="Tasks.DoctorTask"/> from the command line or an environment's settings.
/// </summary>
public sealed record DoctorTarget
{
    public KubernetesSettings? Kubernetes { get; init; }
    public string? KubeconfigPath { get; init; }

    /// <summary>A Npgsql connection string (a <c>postgresql://</c> URL already converted).</summary>
    public string? ConnectionString { get; init; }

    /// <summary>The app's schema, checked for existence when given.</summary>
    public string? Schema { get; init; }

    /// <summary>The app's isolation settings, checked when doctor runs for one configured app.</summary>
    public AppIsolation? Isolation { get; init; }
}
