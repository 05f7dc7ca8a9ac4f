using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CiMigrate.Configuration;

/// <summary>
/// An environment's <c>kubernetes</c> block: how to reach a database that lives in a pod (the runbook's
/// <c>postgres-0</c> in namespace <c>supabase</c>) through the API server, and which PostgREST deployment to
/// restart after DDL.
/// </summary>
public sealed record KubernetesSettings
{
    public const int DefaultPort = 5432;
    public const string DefaultUser = "postgres";
    public const string DefaultDatabase = "postgres";
    public static readonly TimeSpan DefaultRolloutTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The kubeconfig context; null uses the kubeconfig's current context.</summary>
    public string? Context { get; init; }

    /// <summary>Null uses the context's namespace, else <c>default</c>, as kubectl does.</summary>
    public string? Namespace { get; init; }

    /// <summary>The pod by name; exactly one of <see cref="Pod"/> and <see cref="Selector"/> is set.</summary>
    public string? Pod { get; init; }

    /// <summary>A label selector (<c>app=postgres,role=primary</c>); the first Running and Ready pod is used.</summary>
    public string? Selector { get; init; }

    public int Port { get; init; } = DefaultPort;
    public required PasswordSecretReference PasswordSecret { get; init; }
    public string User { get; init; } = DefaultUser;
    public string Database { get; init; } = DefaultDatabase;

    /// <summary>The PostgREST deployment to rollout-restart after DDL (<c>rest</c>); null restarts nothing.</summary>
    public string? RestartDeployment { get; init; }

    public TimeSpan RolloutTimeout { get; init; } = DefaultRolloutTimeout;

    /// <summary>
    /// Reads and validates a <c>kubernetes</c> section. Returns null when the section is absent or has problems;
    /// each problem is appended with its key path (<c>environments:production:kubernetes:port must be a number</c>).
    /// </summary>
    public static KubernetesSettings? From(IConfigurationSection section, List<string> problems)
    {
        if (!section.Exists())
            return null;

        var before = problems.Count;
        var pod = Text(section, "pod");
        var selector = Text(section, "selector");
        if (pod is null && selector is null)
            problems.Add($"{section.Path} needs either pod (postgres-0) or selector (app=postgres)");
        else if (pod is not null && selector is not null)
            problems.Add($"{section.Path} has both pod and selector: keep one");

        var port = Number(section, "port", DefaultPort, problems);
        if (port is < 1 or > 65535)
            problems.Add($"{section.Path}:port must be between 1 and 65535");

        var secretSection = section.GetSection("passwordSecret");
        var secretName = Text(secretSection, "name");
        var secretKey = Text(secretSection, "key");
        if (secretName is null)
            problems.Add($"{secretSection.Path}:name is required (the Secret that holds the database password)");
        if (secretKey is null)
            problems.Add($"{secretSection.Path}:key is required (the key of the password in the Secret's data)");

        var rolloutTimeout = DefaultRolloutTimeout;
        if (Text(section, "rolloutTimeout") is { } timeoutText)
        {
            if (Durations.TryParse(timeoutText, out var parsed) && parsed > TimeSpan.Zero)
                rolloutTimeout = parsed;
            else
                problems.Add($"{section.Path}:rolloutTimeout must be a duration such as 2m, 90s or 1m30s (found '{timeoutText}')");
        }

        if (problems.Count > before)
            return null;

        return new KubernetesSettings
        {
            Context = Text(section, "context"),
            Namespace = Text(section, "namespace"),
            Pod = pod,
            Selector = selector,
            Port = port,
            PasswordSecret = new PasswordSecretReference(secretName!, secretKey!),
            User = Text(section, "user") ?? DefaultUser,
            Database = Text(section, "database") ?? DefaultDatabase,
            RestartDeployment = Text(section, "restartDeployment"),
            RolloutTimeout = rolloutTimeout,
        };
    }

    /// <summary>How messages name the database pod: <c>supabase/postgres-0</c> or <c>supabase/app=postgres</c>.</summary>
    public string Describe(string @namespace) => $"{@namespace}/{Pod ?? Selector}";

    static string? Text(IConfigurationSection section, string key) =>
        section[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    static int Number(IConfigurationSection section, string key, int fallback, List<string> problems)
    {
        var text = Text(section, key);
        if (text is null)
            return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            return value;
        problems.Add($"{section.Path}:{key} must be a number (found '{text}')");
        return fallback;
    }
}
