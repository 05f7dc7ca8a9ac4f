using System.Diagnostics;
using CiMigrate.Hosting;

namespace CiMigrate.Lint;

/// <summary>
/// <c>--only-changed &lt;base&gt;</c>: the files a pull request adds or modifies, from
/// <c>git diff --name-only --diff-filter=AM &lt;base&gt;...HEAD</c> (three dots: against the merge base).
/// </summary>
public static class ChangedFiles
{
    /// <summary>Absolute paths of the added or modified files.</summary>
    public static async Task<IReadOnlySet<string>> SinceAsync(string baseRef, string repositoryFolder, CancellationToken cancellationToken)
    {
        var top = (await GitAsync(repositoryFolder, cancellationToken, "rev-parse", "--show-toplevel")).Trim();
        var names = await GitAsync(repositoryFolder, cancellationToken, "diff", "--name-only", "--diff-filter=AM", "--no-renames",
            $"{baseRef}...HEAD");
        return names.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => Path.GetFullPath(name, top))
            .ToHashSet(StringComparer.Ordinal);
    }

    static async Task<string> GitAsync(string folder, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new UsageException("--only-changed needs git, which did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new UsageException($"--only-changed needs git on PATH ({ex.Message}).", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
                throw new UsageException($"--only-changed: git {string.Join(' ', arguments)} failed: {(await error).Trim()}");
            return await output;
        }
    }
}
