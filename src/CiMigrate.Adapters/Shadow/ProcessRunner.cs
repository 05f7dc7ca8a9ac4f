using System.Diagnostics;
using System.Text;

namespace CiMigrate.Shadow;

/// <summary>
/// Runs a program to completion and keeps what it printed (stdout and stderr interleaved), with the scrubbed
/// environment of <see cref="ServerEnvironment"/>.
/// </summary>
static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory,
        CancellationToken cancellationToken)
    {
        using var process = Start(fileName, arguments, workingDirectory, out var output);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Result(process.ExitCode, Snapshot(output));
    }

    static Process Start(string fileName, IReadOnlyList<string> arguments, string workingDirectory, out StringBuilder output)
    {
        var info = new ProcessStartInfo(fileName)
        {
            // The server user may not be able to enter our current directory (root's home, say).
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        ServerEnvironment.Scrub(info);

        var buffer = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(buffer, e.Data);
        process.ErrorDataReceived += (_, e) => Append(buffer, e.Data);
        MissingProgramException.Start(process, "The shadow database");
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = buffer;
        return process;
    }

    static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
            return;
        lock (buffer)
            buffer.AppendLine(line);
    }

    static string Snapshot(StringBuilder buffer)
    {
        lock (buffer)
            return buffer.ToString();
    }
}
