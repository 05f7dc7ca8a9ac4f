namespace CiMigrate.Migrations;

/// <summary>
/// Keeps a migrations folder's symbolic links inside the repository that holds it: a link to <c>/etc/shadow</c> or to
/// another checkout would be read, hashed, quoted in errors and run, though no review of the repository shows it.
/// The repository is the nearest folder above the migrations folder holding <c>.git</c>; without one, the migrations
/// folder itself. A link is refused before anything of its target is read, and a link loop is an error, not a crash.
/// </summary>
sealed class LinkBoundary(string migrationsFolder)
{
    readonly string _root = RepositoryOf(migrationsFolder);

    /// <summary>Throws a <see cref="UsageException"/> naming <paramref name="entry"/> when it is a link that leads
    /// outside the repository, or in a circle.</summary>
    public void Check(FileSystemInfo entry)
    {
        if (entry.LinkTarget is null)
            return;
        FileSystemInfo? target;
        try
        {
            target = entry.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException)
        {
            throw new UsageException($"{entry.FullName}: a symbolic link loop (the link leads back to itself); remove or fix the link.");
        }

        if (target is not null && !Inside(target.FullName))
        {
            throw new UsageException(
                $"{entry.FullName}: a symbolic link to {target.FullName}, outside the repository {_root}; ci-migrate does not " +
                "read it, since no review of the repository shows what it holds: copy the file into the repository instead.");
        }
    }

    bool Inside(string path)
    {
        var relative = Path.GetRelativePath(_root, path);
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && !Path.IsPathRooted(relative);
    }

    static string RepositoryOf(string folder)
    {
        for (var candidate = new DirectoryInfo(folder).Parent; candidate is not null; candidate = candidate.Parent)
        {
            if (Directory.Exists(Path.Combine(candidate.FullName, ".git")) || File.Exists(Path.Combine(candidate.FullName, ".git")))
                return candidate.FullName;
        }

        return Path.TrimEndingDirectorySeparator(folder);
    }
}
