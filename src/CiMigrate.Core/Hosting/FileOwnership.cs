using System.Diagnostics;
using System.Text;

namespace CiMigrate.Hosting;

/// <summary>
/// Files and folders ci-migrate creates while it runs as root go to the owner of the folder they are created in. In a
/// Docker action the workspace belongs to the runner's user (uid 1001 on hosted runners, anything on self-hosted ones)
/// and ci-migrate runs as root: a root-owned file there could not be edited, and a root-owned folder not emptied, by
/// the job's later steps or the next checkout. As any other user the files are that user's already: nothing to do.
/// </summary>
public static class FileOwnership
{
    /// <summary>Creates <paramref name="folder"/> and its missing parents, each given to the owner of the nearest existing one.</summary>
    public static void CreateFolder(string folder)
    {
        var full = Path.GetFullPath(folder);
        var missing = new List<string>();
        for (var level = full; !Directory.Exists(level); level = Path.GetDirectoryName(level)!)
            missing.Insert(0, level);
        Directory.CreateDirectory(full);
        if (missing.Count > 0)
            GiveToOwnerOf(Path.GetDirectoryName(missing[0])!, missing);
    }

    /// <summary>Gives <paramref name="path"/>, just created, to the owner of the folder it is in.</summary>
    public static void MatchFolder(string path)
    {
        var full = Path.GetFullPath(path);
        GiveToOwnerOf(Path.GetDirectoryName(full)!, [full]);
    }

    /// <summary>Gives <paramref name="folder"/> and everything in it to the owner of the folder it is in.</summary>
    public static void MatchFolderTree(string folder)
    {
        var full = Path.GetFullPath(folder);
        GiveToOwnerOf(Path.GetDirectoryName(full)!, [full], recursive: true);
    }

    /// <summary>
    /// Appends UTF-8 text (no BOM). A runner's GITHUB_OUTPUT or GITHUB_STEP_SUMMARY exists already, owned by the
    /// runner's user, and keeps that owner when root appends; a file this creates goes to its folder's owner.
    /// </summary>
    public static async Task AppendAsync(string path, string text, CancellationToken cancellationToken)
    {
        var created = !File.Exists(path);
        await File.AppendAllTextAsync(path, text, new UTF8Encoding(false), cancellationToken);
        if (created)
            MatchFolder(path);
    }

    static void GiveToOwnerOf(string reference, IReadOnlyList<string> paths, bool recursive = false)
    {
        if (!CurrentUser.IsRoot)
            return;

        // coreutils' chown copies the owner and group of a reference file; .NET has no API for a file's owner.
        var start = new ProcessStartInfo("chown") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])[.. recursive ? new[] { "--recursive" } : [], "--no-dereference", $"--reference={reference}", "--", .. paths])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new ExecutionException("chown did not start.");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new ExecutionException(
                $"{string.Join(", ", paths)} could not be given to the owner of {reference} (ci-migrate runs as root): {error.Result.Trim()}");
        }
    }
}
