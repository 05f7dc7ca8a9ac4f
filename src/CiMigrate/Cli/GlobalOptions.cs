using System.CommandLine;
using CiMigrate.Reporting;

namespace CiMigrate.Cli;

/// <summary>The options every task accepts; they work without any config file.</summary>
public sealed record GlobalOptions
{
    public static readonly Option<string?> ConfigOption = new("--config")
    {
        Description = "Path to ci-migrate.json (default: ./ci-migrate.json when present)",
        Recursive = true,
    };

    public static readonly Option<string?> AppOption = new("--app")
    {
        Description = "The app to work on (default: every app, or the only one)",
        Recursive = true,
    };

    public static readonly Option<string?> EnvOption = new("--env")
    {
        Description = "The target environment, as named in settings (staging, production, ...)",
        Recursive = true,
    };

    public static readonly Option<OutputFormat> FormatOption = new("--format")
    {
        Description = "Output format",
        HelpName = "text|json|markdown|github|sarif",
        Recursive = true,
        DefaultValueFactory = _ => OutputFormat.Text,
    };

    public static readonly Option<bool> VerboseOption = new("--verbose", "-v")
    {
        Description = "Say more about what happens",
        Recursive = true,
    };

    public static readonly Option<string?> MigrationsOption = new("--migrations")
    {
        Description = "One app's migrations folder, without a config file",
        Recursive = true,
    };

    public static readonly Option<string?> SchemaOption = new("--schema")
    {
        Description = "The app's schema, without a config file",
        Recursive = true,
    };

    public static readonly Option<string?> DatabaseUrlOption = new("--database-url")
    {
        Description = "The target database (overrides the environment's connection); never printed",
        Recursive = true,
    };

    public static readonly Option<bool> TreeOption = new("--tree")
    {
        Description = "Show the tasks that would run, in order, without running them",
        Recursive = true,
    };

    public static IReadOnlyList<Option> All { get; } =
    [
        ConfigOption, AppOption, EnvOption, FormatOption, VerboseOption, MigrationsOption, SchemaOption,
        DatabaseUrlOption, TreeOption,
    ];

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
        Format = result.GetValue(FormatOption),
        Verbose = result.GetValue(VerboseOption),
        Migrations = result.GetValue(MigrationsOption),
        Schema = result.GetValue(SchemaOption),
        DatabaseUrl = result.GetValue(DatabaseUrlOption),
        Tree = result.GetValue(TreeOption),
        WorkingDirectory = workingDirectory,
    };
}
