using CiMigrate.Cli;

namespace CiMigrate.Tests.Support;

/// <summary>Runs the tool in-process as a user would, with its own environment and working directory.</summary>
sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? environment,
        params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await new CliApp().RunAsync(args, output, error, environment ?? new Dictionary<string, string?>(),
            workingDirectory);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CliRun> RunAsync(string workingDirectory, params string[] args) => RunAsync(workingDirectory, null, args);
}
