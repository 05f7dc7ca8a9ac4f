using CiMigrate.Configuration;
using CiMigrate.Hosting;

namespace CiMigrate.Migrations;

/// <summary>
/// Reads the up files of a migrations folder (as <see cref="MigrationFolderListing"/> lists them) and pairs each with
/// its down file (in <c>down/</c>, or beside it with a <c>_down</c> suffix). A down file is never a forward migration.
/// </summary>
/// <remarks>
/// A down file is paired from the listing and read when a task uses it (<see cref="DownFiles.Check"/>): reading and
/// hashing 10,000 down files was half of a no-op apply's time. The up files are read in parallel, the results kept by
/// their place in the listing, so the migrations and the problems come in the listing's order whatever thread read what.
/// </remarks>
static class MigrationDiscovery
{
    public static IReadOnlyList<Migration> Discover(MigrationFolderListing listing, string root)
    {
        var folder = listing.Path;
        if (!Directory.Exists(folder))
            throw new UsageException($"The migrations folder {DisplayOf(folder, root)} does not exist.");

        // A file that is no migration's (seed.sql) is skipped here; MigrationSet.Skipped names it.
        var files = listing.Files.Where(f => f.Name is not null).ToList();
        var read = ReadUpFiles(files, root);

        var problems = new List<string>();
        var ups = new SortedDictionary<string, MigrationFile>(StringComparer.Ordinal);
        var upNames = new Dictionary<string, MigrationFileName>();
        var downs = new Dictionary<string, (MigrationFile File, MigrationFileName Name, DownFileLocation Location)>();
        for (var i = 0; i < files.Count; i++)
        {
            var name = files[i].Name!.Value;
            if (files[i].IsDown)
            {
                var down = MigrationFile.Listed(files[i].Path, root);
                if (downs.TryGetValue(name.Version, out var other))
                    problems.Add($"{down.DisplayPath}: two down files for version {name.Version} (the other is {other.File.DisplayPath}).");
                else
                    downs[name.Version] = (down, name, name.IsDownSuffix ? DownFileLocation.BesideUpFile : DownFileLocation.DownFolder);
            }
            else if (read[i].Problem is { } problem)
            {
                problems.Add(problem);
            }
            else if (ups.TryGetValue(name.Version, out var existing))
            {
                problems.Add($"{read[i].File!.DisplayPath}: two files with version {name.Version} (the other is {existing.DisplayPath}). Versions must be unique.");
            }
            else
            {
                ups[name.Version] = read[i].File!;
                upNames[name.Version] = name;
            }
        }

        foreach (var (version, down) in downs)
        {
            if (!ups.ContainsKey(version))
                problems.Add($"{down.File.DisplayPath}: down file without an up file (no {version}_*.sql in {DisplayOf(folder, root)}).");
            else if (upNames[version].Name != down.Name.Name)
                problems.Add($"{down.File.DisplayPath}: down file named '{down.Name.Name}' but the up file of version {version} is '{upNames[version].Name}'.");
        }

        if (problems.Count > 0)
            throw new MigrationSetException(problems);

        return ups.Select(pair =>
        {
            var name = upNames[pair.Key];
            var down = downs.TryGetValue(pair.Key, out var d) ? d : default;
            return new Migration(pair.Key, name.Name, pair.Value, down.File, down.File is null ? DownFileLocation.None : down.Location);
        }).ToList();
    }

    /// <summary>Each up file of <paramref name="files"/> read and checked, at its index; down files are left unread.</summary>
    static (MigrationFile? File, string? Problem)[] ReadUpFiles(List<ListedFile> files, string root)
    {
        var read = new (MigrationFile?, string?)[files.Count];
        // Across the cores: each file is an open, a read and a SHA-256, all independent.
        Parallel.For(0, files.Count, i =>
        {
            if (!files[i].IsDown)
                read[i] = ReadUpFile(files[i].Path, root);
        });
        return read;
    }

    static (MigrationFile? File, string? Problem) ReadUpFile(string path, string root)
    {
        try
        {
            var file = MigrationFile.Read(path, root);
            return file.IsBlank ? (null, $"{file.DisplayPath}: the file is empty.") : (file, null);
        }
        catch (UsageException ex)
        {
            return (null, ex.Message);
        }
    }

    static string DisplayOf(string path, string root) => RepositoryPaths.Display(path, root);
}
