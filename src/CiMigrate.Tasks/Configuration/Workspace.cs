using CiMigrate.Cli;
using CiMigrate.Hosting;
using CiMigrate.Migrations;
using CiMigrate.Secrets;

namespace CiMigrate.Configuration;

/// <summary>The repository as a task sees it: settings, the apps chosen, their migrations, the target's connection.</summary>
public sealed class Workspace(Settings settings, IReadOnlyDictionary<string, string?> environment, SecretMasker secrets)
{
    public Settings Settings { get; } = settings;

    /// <summary>The repository root: the folder of ci-migrate.json, else the working directory.</summary>
    public string Root => Settings.Root;

    public static Workspace Load(GlobalOptions options, IReadOnlyDictionary<string, string?> environment, SecretMasker secrets)
    {
        var settings = SettingsLoader.Load(options, environment);
        secrets.Add(settings.DatabaseUrl);
        return new Workspace(settings, environment, secrets);
    }

    /// <summary>The app chosen with <c>--app</c>, else every app.</summary>
    public IReadOnlyList<AppSettings> SelectedApps
    {
        get
        {
            if (Settings.Apps.Count == 0)
                throw new UsageException(
                    $"No app to work on: add {SettingsLoader.FileName}, run in a repository with supabase/migrations/, or pass --migrations <dir>.");
            return Settings.App is null ? Settings.Apps : [Settings.Apps.First(a => a.Name == Settings.App)];
        }
    }

    /// <summary>The one app a task works on; with several configured, <c>--app</c> must choose.</summary>
    public AppSettings App => SelectedApps is [var only]
        ? only
        : throw new UsageException($"Several apps are configured ({string.Join(", ", Settings.Apps.Select(a => a.Name))}): choose one with --app.");

    public MigrationSet LoadMigrations(AppSettings app) => MigrationSet.Load(app, Root);

    /// <summary>
    /// The environment a run without <c>--env</c> names in the ledger and its messages: the one stage-apply defaults to,
    /// so status, rollback and stage-apply on a bare <c>--database-url</c> agree.
    /// </summary>
    public const string DefaultEnvironment = "staging";

    /// <summary>
    /// The run's own environment: <c>--env</c>, else <paramref name="defaultName"/>. <c>--database-url</c> is its way in
    /// (in place of its <c>databaseUrl</c>, <c>databaseUrlEnv</c> or <c>kubernetes</c> block), and alone it makes an
    /// unnamed one; it is never the way in to another environment (<see cref="Named"/>).
    /// </summary>
    public EnvironmentSettings Environment(string? defaultName = null)
    {
        var name = Settings.Env ?? defaultName;
        if (Settings.DatabaseUrl is not { } url)
        {
            return name is null
                ? throw new UsageException("No target: pass --env <name> (environments come from settings) or --database-url <url>.")
                : Named(name);
        }

        var configured = name is null ? null : Settings.Environments.GetValueOrDefault(name);
        return (configured ?? new EnvironmentSettings { Name = name ?? DefaultEnvironment }) with
        {
            DatabaseUrl = url,
            DatabaseUrlEnv = null,
            Kubernetes = null,
        };
    }

    /// <summary>
    /// An environment as settings describe it: another one a task names (<c>--shadow-env</c>, <c>requires</c>,
    /// <c>copy-schema --from/--to</c>), reached only through its own settings.
    /// </summary>
    public EnvironmentSettings Named(string name) =>
        Settings.Environments.TryGetValue(name, out var configured)
            ? configured
            : throw new UsageException($"There is no environment '{name}'" + (Settings.Environments.Count == 0
                ? " (no environments in settings)."
                : $" (environments: {string.Join(", ", Settings.Environments.Keys)})."));

    /// <summary>
    /// Whether this job can reach <paramref name="target"/>'s database: a Kubernetes block, a URL, or a URL variable that
    /// is set. A deploy job holds only its own environment's secret, so another environment's is unset there.
    /// </summary>
    public bool HasConnection(EnvironmentSettings target) =>
        target.Kubernetes is not null || target.DatabaseUrl is not null
        || (target.DatabaseUrlEnv is not null && environment.TryGetValue(target.DatabaseUrlEnv, out var url) && !string.IsNullOrWhiteSpace(url));

    /// <summary>
    /// The Npgsql connection string of a direct target: the environment's <c>databaseUrl</c>, else the variable its
    /// <c>databaseUrlEnv</c> names (for the run's own environment, <see cref="Environment"/> put <c>--database-url</c>
    /// there). The password becomes a secret.
    /// </summary>
    public string ConnectionString(EnvironmentSettings target)
    {
        var value = target.DatabaseUrl;
        if (value is null && target.DatabaseUrlEnv is not null)
        {
            value = environment.TryGetValue(target.DatabaseUrlEnv, out var fromEnv) && !string.IsNullOrWhiteSpace(fromEnv)
                ? fromEnv
                : throw new UsageException($"Environment '{target.Name}' reads its database URL from ${target.DatabaseUrlEnv}, which is not set.");
        }

        if (value is null)
            throw new UsageException($"Environment '{target.Name}' has no connection: set databaseUrl, databaseUrlEnv or kubernetes in settings, or pass --database-url.");
        return DatabaseUrl.ToConnectionString(value, secrets);
    }
}
