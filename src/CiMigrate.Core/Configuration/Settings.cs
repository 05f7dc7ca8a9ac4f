namespace CiMigrate.Configuration;

/// <summary>ci-migrate.json, <c>CIMIGRATE__*</c>, action inputs and flags, merged and validated.</summary>
public sealed record Settings
{
    /// <summary>The folder relative paths in settings are resolved against, and messages show paths from.</summary>
    public required string Root { get; init; }

    /// <summary>The settings file that was read, if any.</summary>
    public string? ConfigPath { get; init; }

    public required IReadOnlyList<AppSettings> Apps { get; init; }
    public required IReadOnlyDictionary<string, EnvironmentSettings> Environments { get; init; }
    public LintSettings Lint { get; init; } = LintSettings.Default;

    /// <summary>The app chosen with <c>--app</c> (or the action's <c>app</c> input).</summary>
    public string? App { get; init; }

    /// <summary>The environment chosen with <c>--env</c> (or the action's <c>environment</c> input).</summary>
    public string? Env { get; init; }

    /// <summary>The target given directly with <c>--database-url</c>; never printed.</summary>
    public string? DatabaseUrl { get; init; }
}
