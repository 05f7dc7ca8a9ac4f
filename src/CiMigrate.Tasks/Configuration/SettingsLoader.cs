using System.Text.RegularExpressions;
using CiMigrate.Cli;
using CiMigrate.Hosting;
using Microsoft.Extensions.Configuration;

namespace CiMigrate.Configuration;

/// <summary>
/// Merges the sources, later ones winning: <c>ci-migrate.json</c>, environment variables <c>CIMIGRATE__*</c>,
/// GitHub action inputs <c>INPUT_*</c>, command-line flags. Then validates the whole and throws one
/// <see cref="UsageException"/> listing every problem with its key.
/// </summary>
public static partial class SettingsLoader
{
    public const string FileName = "ci-migrate.json";
    const string EnvironmentPrefix = "CIMIGRATE__";

    static readonly string[] TopLevelKeys = ["apps", "environments", "lint", "app", "env", "databaseUrl"];
    static readonly string[] AppKeys = ["schema", "migrations", "ignore", "role", "schemaGuard", "apiRoles"];
    public static Settings Load(GlobalOptions options, IReadOnlyDictionary<string, string?> environment)
    {
        var workingDirectory = options.WorkingDirectory;
        var configPath = ConfigPathOf(options, environment, workingDirectory);
        var root = configPath is null ? workingDirectory : Path.GetDirectoryName(configPath)!;

        if (configPath is not null)
            SettingsFileSyntax.Check(configPath, RepositoryPaths.Display(configPath, workingDirectory));
        var builder = new ConfigurationBuilder();
        if (configPath is not null)
            builder.AddJsonFile(configPath, optional: false, reloadOnChange: false);
        builder.AddInMemoryCollection(FromEnvironmentVariables(environment));
        builder.AddInMemoryCollection(FromActionInputs(environment, workingDirectory));
        builder.AddInMemoryCollection(FromFlags(options));

        IConfigurationRoot configuration;
        try
        {
            configuration = builder.Build();
        }
        catch (InvalidDataException ex)
        {
            throw new UsageException($"{configPath}: {ex.Message}", ex);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"{configPath}: {ex.Message}", ex);
        }

        var problems = new List<string>();
        var top = new SettingsReader(configuration, problems);
        top.OnlyKnownKeys(TopLevelKeys);
        var apps = ReadApps(configuration.GetSection("apps"), options, root, problems);
        var environments = EnvironmentsReader.Read(configuration.GetSection("environments"), problems);
        var lint = ReadLint(configuration.GetSection("lint"), problems);

        var settings = new Settings
        {
            Root = root,
            ConfigPath = configPath,
            Apps = apps,
            Environments = environments,
            Lint = lint,
            App = top.String("app"),
            Env = top.String("env"),
            DatabaseUrl = top.String("databaseUrl"),
        };
        Validate(settings, problems);
        if (problems.Count > 0)
        {
            var source = configPath is null ? "settings" : RepositoryPaths.Display(configPath, workingDirectory);
            throw new UsageException(
                $"Invalid {source} ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):" +
                string.Concat(problems.Select(p => $"{System.Environment.NewLine}  - {p}")));
        }

        return settings;
    }

    static string? ConfigPathOf(GlobalOptions options, IReadOnlyDictionary<string, string?> environment, string workingDirectory)
    {
        var explicitPath = options.Config ?? NonEmpty(environment, "INPUT_CONFIG") ?? NonEmpty(environment, EnvironmentPrefix + "CONFIG");
        if (explicitPath is not null)
        {
            var full = Path.GetFullPath(explicitPath, workingDirectory);
            return File.Exists(full) ? full : throw new UsageException($"The settings file {explicitPath} does not exist.");
        }

        var implicitPath = Path.Combine(workingDirectory, FileName);
        return File.Exists(implicitPath) ? implicitPath : null;
    }

    static Dictionary<string, string?> FromEnvironmentVariables(IReadOnlyDictionary<string, string?> environment) =>
        environment
            .Where(pair => pair.Key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase)
                           && !pair.Key.Equals(EnvironmentPrefix + "CONFIG", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(
                // Variable names are upper-case by habit; app and environment names are lower-case by habit. Keys
                // match either way, but the names users see come from the key, so take the lower-case spelling.
                pair => pair.Key[EnvironmentPrefix.Length..].Replace("__", ":").ToLowerInvariant(),
                pair => pair.Value);

    static Dictionary<string, string?> FromActionInputs(IReadOnlyDictionary<string, string?> environment, string workingDirectory)
    {
        var values = new Dictionary<string, string?>();
        if (NonEmpty(environment, "INPUT_APP") is { } app)
            values["app"] = app;
        if (NonEmpty(environment, "INPUT_ENVIRONMENT") is { } env)
            values["env"] = env;
        if (NonEmpty(environment, "INPUT_DATABASE-URL") is { } url)
            values["databaseUrl"] = url;
        return values;
    }

    static Dictionary<string, string?> FromFlags(GlobalOptions options)
    {
        var values = new Dictionary<string, string?>();
        if (options.App is not null)
            values["app"] = options.App;
        if (options.Env is not null)
            values["env"] = options.Env;
        if (options.DatabaseUrl is not null)
            values["databaseUrl"] = options.DatabaseUrl;
        if (options.Migrations is not null)
        {
            var folder = Path.GetFullPath(options.Migrations, options.WorkingDirectory);
            var name = options.App ?? ZeroConfigName(folder, options.Schema);
            values[$"apps:{name}:migrations"] = folder;
            if (options.Schema is not null)
                values[$"apps:{name}:schema"] = options.Schema;
        }
        else if (options.Schema is not null && options.App is not null)
        {
            values[$"apps:{options.App}:schema"] = options.Schema;
        }

        return values;
    }

    static string? NonEmpty(IReadOnlyDictionary<string, string?> environment, string key) =>
        environment.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>Without settings an app is known by its schema (<c>--schema</c>, else its files' <c>SET search_path</c>),
    /// so two apps in folders named alike never share a history; else by its folder name.</summary>
    static string ZeroConfigName(string folder, string? schema) =>
        schema ?? (Directory.Exists(folder) ? SchemaInference.FromMigrations(folder) : null) ?? AppNameOf(folder);

    /// <summary><c>apps/money-tracker/supabase/migrations</c> is the app <c>money-tracker</c>.</summary>
    public static string AppNameOf(string migrationsFolder)
    {
        var folder = new DirectoryInfo(migrationsFolder);
        if (folder.Name == "migrations" && folder.Parent is { Name: "supabase", Parent: { } app })
            return app.Name;
        return folder.Name;
    }

    static List<AppSettings> ReadApps(IConfigurationSection section, GlobalOptions options, string root,
        List<string> problems)
    {
        var apps = new List<AppSettings>();
        var appSections = section.GetChildren().ToList();
        // --schema without --app names the schema of the only app.
        var soleAppSchema = options is { Schema: not null, App: null, Migrations: null } && appSections.Count <= 1 ? options.Schema : null;
        foreach (var appSection in appSections)
        {
            var reader = new SettingsReader(appSection, problems);
            reader.OnlyKnownKeys(AppKeys);
            var migrations = reader.String("migrations");
            var folder = migrations is null
                ? Path.Combine(root, "supabase", "migrations")
                : Path.GetFullPath(migrations, root);
            if (!IsFromFlag(folder, options) && Outside(folder, root))
                reader.Problem("migrations", $"the folder {migrations} is outside the repository ({root}); " +
                    "a pull request could then change migrations that no review of this repository shows");
            apps.Add(ReadApp(appSection.Key, soleAppSchema ?? reader.String("schema"), folder, reader, options.WorkingDirectory)
                with { Ignore = reader.Strings("ignore"), ApiRoles = ApiRoles(reader) });
        }

        // Zero-config: a repository with supabase/migrations is one app named after its schema.
        var zeroConfigFolder = Path.Combine(root, "supabase", "migrations");
        if (apps.Count == 0 && Directory.Exists(zeroConfigFolder))
        {
            var name = options.App ?? ZeroConfigName(zeroConfigFolder, soleAppSchema ?? options.Schema);
            apps.Add(ReadApp(name, soleAppSchema ?? options.Schema, zeroConfigFolder, new SettingsReader(section.GetSection(name), problems),
                options.WorkingDirectory));
        }

        Unshared(apps, a => a.Schema, "schema", problems);
        Unshared(apps, a => Path.TrimEndingDirectorySeparator(a.Migrations), "migrations folder", problems);
        return apps;
    }

    /// <summary>A folder given with <c>--migrations</c> is the caller's explicit choice, wherever it is.</summary>
    static bool IsFromFlag(string folder, GlobalOptions options) =>
        options.Migrations is not null && folder == Path.GetFullPath(options.Migrations, options.WorkingDirectory);

    static bool Outside(string folder, string root)
    {
        var relative = Path.GetRelativePath(root, folder);
        return relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || Path.IsPathRooted(relative);
    }

    /// <summary>Each app owns its schema and its folder: two apps sharing one would mix their histories.</summary>
    static void Unshared(List<AppSettings> apps, Func<AppSettings, string> key, string what, List<string> problems)
    {
        foreach (var shared in apps.Where(a => key(a).Length > 0).GroupBy(key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"apps: {string.Join(" and ", shared.Select(a => $"'{a.Name}'"))} share the {what} {shared.Key}; " +
                $"each app needs its own {what}");
        }
    }

    static AppSettings ReadApp(string name, string? schema, string folder, SettingsReader reader, string workingDirectory)
    {
        if (!AppNamePattern().IsMatch(name))
            reader.Problem("", "an app name is letters, digits, '-' and '_'");
        if (!Directory.Exists(folder))
        {
            reader.Problem("migrations", $"the folder {RepositoryPaths.Display(folder, workingDirectory)} does not exist");
            return new AppSettings(name, schema ?? "", folder);
        }

        schema ??= SchemaInference.FromMigrations(folder);
        if (schema is null)
            reader.Problem("schema", $"cannot tell the schema of app '{name}': no file in {RepositoryPaths.Display(folder, workingDirectory)} starts with SET search_path; set \"schema\" or pass --schema");
        else if (!IdentifierPattern().IsMatch(schema))
            reader.Problem("schema", $"'{schema}' is not a plain schema name (lower-case letters, digits and '_')");
        var role = reader.String("role");
        if (role is not null && !IdentifierPattern().IsMatch(role))
            reader.Problem("role", $"'{role}' is not a plain role name (lower-case letters, digits and '_')");
        return new AppSettings(name, schema ?? "", folder)
        {
            Role = role,
            SchemaGuard = reader.Bool("schemaGuard", schema != "public"),
        };
    }

    /// <summary><c>apiRoles</c>, when set; else Supabase's three.</summary>
    static IReadOnlyList<string> ApiRoles(SettingsReader reader)
    {
        var roles = reader.Strings("apiRoles") is { Count: > 0 } set ? set : AppSettings.SupabaseApiRoles;
        foreach (var role in roles.Where(r => !IdentifierPattern().IsMatch(r)))
            reader.Problem("apiRoles", $"'{role}' is not a plain role name (lower-case letters, digits and '_')");
        return roles;
    }

    static LintSettings ReadLint(IConfigurationSection section, List<string> problems)
    {
        new SettingsReader(section, problems).OnlyKnownKeys("rules");
        var rules = new Dictionary<string, LintSeverity>(StringComparer.Ordinal);
        foreach (var rule in section.GetSection("rules").GetChildren())
        {
            if (Enum.TryParse<LintSeverity>(rule.Value, ignoreCase: true, out var severity) && !int.TryParse(rule.Value, out _))
                rules[rule.Key] = severity;
            else
                problems.Add($"{rule.Path}: must be error, warning or off, not '{rule.Value}'");
        }

        return new LintSettings(rules);
    }

    static void Validate(Settings settings, List<string> problems)
    {
        foreach (var env in settings.Environments.Values)
        {
            if (env.Requires is not null && !settings.Environments.ContainsKey(env.Requires))
                problems.Add($"environments:{env.Name}:requires: there is no environment '{env.Requires}'");
            if (env.Requires == env.Name)
                problems.Add($"environments:{env.Name}:requires: an environment cannot require itself");
            else if (RequiresCycleFrom(env, settings.Environments) is { } cycle)
                problems.Add($"environments:{env.Name}:requires: the environments require each other in a circle ({cycle}); " +
                    "no order of applies can satisfy it");
            if (env.DatabaseUrl is not null && env.DatabaseUrlEnv is not null)
                problems.Add($"environments:{env.Name}: set databaseUrl or databaseUrlEnv, not both");
            if (env.Kubernetes is not null && (env.DatabaseUrl ?? env.DatabaseUrlEnv) is not null)
                problems.Add($"environments:{env.Name}: a kubernetes target and a database URL exclude each other");
        }

        if (settings.App is not null && settings.Apps.Count > 0 && settings.Apps.All(a => a.Name != settings.App))
            problems.Add($"app: there is no app '{settings.App}' (apps: {string.Join(", ", settings.Apps.Select(a => a.Name))})");
        if (settings.Env is not null && settings.Environments.Count > 0 && !settings.Environments.ContainsKey(settings.Env)
            && settings.DatabaseUrl is null)
            problems.Add($"env: there is no environment '{settings.Env}' (environments: {string.Join(", ", settings.Environments.Keys)})");
    }

    /// <summary>The circle <c>staging → production → staging</c> when following <c>requires</c> from
    /// <paramref name="env"/> comes back to it; null when the chain ends.</summary>
    static string? RequiresCycleFrom(EnvironmentSettings env, IReadOnlyDictionary<string, EnvironmentSettings> environments)
    {
        var chain = new List<string> { env.Name };
        for (var next = env.Requires; next is not null && environments.TryGetValue(next, out var required); next = required.Requires)
        {
            if (string.Equals(required.Name, env.Name, StringComparison.OrdinalIgnoreCase))
                return string.Join(" → ", chain.Append(env.Name));
            if (chain.Contains(required.Name, StringComparer.OrdinalIgnoreCase))
                return null;
            chain.Add(required.Name);
        }

        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex AppNamePattern();

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex IdentifierPattern();
}
