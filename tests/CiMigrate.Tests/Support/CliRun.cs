using System.Diagnostics;
using CiMigrate.Cli;

namespace CiMigrate.Tests.Support;

/// <summary>
/// Runs the tool as a user would, with its own environment and working directory: in-process, or, when
/// <c>CI_MIGRATE_EXE</c> names a published executable (the Native AOT build, see build/test-aot.sh), as that process,
/// so the same end-to-end tests show that the published binary works.
/// </summary>
sealed record CliRun(int ExitCode, string Output, string Error)
{
    static readonly string? Executable = Environment.GetEnvironmentVariable("CI_MIGRATE_EXE") is { Length: > 0 } path ? path : null;

    public static async Task<CliRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? environment,
        params string[] args)
    {
        environment ??= new Dictionary<string, string?>();
        if (Executable is not null)
            return await RunProcessAsync(Executable, workingDirectory, environment, args);

        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await new CliApp().RunAsync(args, output, error, environment, workingDirectory);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CliRun> RunAsync(string workingDirectory, params string[] args) => RunAsync(workingDirectory, null, args);

    // The in-process tool sees only the given variables; the process gets the same, plus what any process needs to
    // start (PATH, HOME), so that a test behaves alike both ways.
    static async Task<CliRun> RunProcessAsync(string executable, string workingDirectory,
        IReadOnlyDictionary<string, string?> environment, string[] args)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment.Clear();
        foreach (var name in new[] { "PATH", "HOME" })
            start.Environment[name] = Environment.GetEnvironmentVariable(name);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await output, await error);
    }
}
