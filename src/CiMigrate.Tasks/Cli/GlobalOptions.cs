using System.CommandLine;
using CiMigrate.Kubernetes;
using CiMigrate.Reporting;

namespace CiMigrate.Cli;

/// <summary>
/// The options tasks share, in the groups a task declares it reads (<see cref="Hosting.ITask.Reads"/>); they work
/// without any config file.
/// </summary>
public sealed record GlobalOptions
{
    public static readonly Option<string?> ConfigOption = new("--config")
    {
        Description = "Path to ci-migrate.json (default: ./ci-migrate.json when present)",
    };

    public static readonly Option<string?> AppOption = new("--app")
    {
        Description = "The app to work on (default: every app, or the only one)",
    };

    public static readonly Option<string?> EnvOption = new("--env")
    {
        Description = "The target environment, as named in settings (staging, production, ...)",
    };

    /// <summary>
    /// <c>--format</c> offering the formats a task writes: its help lists them, and any other is a usage error (exit 2)
    /// instead of a silent fall back to text.
    /// </summary>
    public static Option<OutputFormat> FormatOption(string task, IReadOnlyList<OutputFormat> formats)
    {
        var names = formats.Select(f => f.ToString().ToLowerInvariant()).ToList();
        var option = new Option<OutputFormat>("--format")
        {
            Description = "Output format",
            HelpName = string.Join('|', names),
            DefaultValueFactory = _ => OutputFormat.Text,
        };
        option.Validators.Add(result =>
        {
            // A name that is no format at all fails its conversion: reading the value then would throw.
            if (result.Tokens.Count > 0 && !Enum.GetNames<OutputFormat>().Contains(result.Tokens[^1].Value, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError($"{task} does not write {result.Tokens[^1].Value}: --format {string.Join('|', names)}.");
                return;
            }

            if (result.GetValueOrDefault<OutputFormat>() is var format && !formats.Contains(format))
                result.AddError($"{task} does not write {format.ToString().ToLowerInvariant()}: --format {string.Join('|', names)}.");
        });
        return option;
    }

    public static readonly Option<bool> VerboseOption = new("--verbose", "-v")
    {
        Description = "Say more about what happens",
    };

    public static readonly Option<string?> MigrationsOption = new("--migrations")
    {
        Description = "One app's migrations folder, without a config file",
    };

    public static readonly Option<string?> SchemaOption = new("--schema")
    {
        Description = "The app's schema, without a config file",
    };

    public static readonly Option<string?> DatabaseUrlOption = new("--database-url")
    {
        Description = "The target database (overrides the environment's connection); never printed",
    };

    public static readonly Option<bool> TreeOption = new("--tree")
    {
        Description = "Show the tasks that would run, in order, without running them",
    };

    /// <summary>Where the app and its migrations are: every task that reads migration files takes these.</summary>
    public static IReadOnlyList<Option> Repository { get; } = [ConfigOption, AppOption, MigrationsOption, SchemaOption];

    /// <summary>The database a task works on: an environment of the settings (through Kubernetes, when it says so), or a URL.</summary>
    public static IReadOnlyList<Option> Target { get; } = [EnvOption, DatabaseUrlOption, KubernetesOptions.Kubeconfig];

    /// <summary>What every task's command takes.</summary>
    public static IReadOnlyList<Option> Always { get; } = [VerboseOption, TreeOption];

    public string? Config { get; init; }
    public string? App { get; init; }
    public string? Env { get; init; }
    public OutputFormat Format { get; init; }
    public bool Verbose { get; init; }
    public string? Migrations { get; init; }
    public string? Schema { get; init; }
    public string? DatabaseUrl { get; init; }
    public bool Tree { get; init; }

    /// <summary>The folder relative paths are resolved against (tests point it at a temporary repository).</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    public static GlobalOptions From(ParseResult result, string workingDirectory) => new()
    {
        Config = result.GetValue(ConfigOption),
        App = result.GetValue(AppOption),
        Env = result.GetValue(EnvOption),
        Format = result.CommandResult.Command.Options.OfType<Option<OutputFormat>>().FirstOrDefault() is { } format
            ? result.GetValue(format)
            : OutputFormat.Text,
        Verbose = result.GetValue(VerboseOption),
        Migrations = result.GetValue(MigrationsOption),
        Schema = result.GetValue(SchemaOption),
        DatabaseUrl = result.GetValue(DatabaseUrlOption),
        Tree = result.GetValue(TreeOption),
        WorkingDirectory = workingDirectory,
    };
}
