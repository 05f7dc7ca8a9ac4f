using CiMigrate.Configuration;
using CiMigrate.Hosting;

namespace CiMigrate.Migrations;

/// <summary>
/// Reads the up files of a migrations folder (as <see cref="MigrationFolderListing"/> lists them) and pairs each with
/// its down file (in <c>down/</c>, or beside it with a <c>_down</c> suffix). A down file is never a forward migration.
/// </summary>
static class MigrationDiscovery
{
    public static IReadOnlyList<Migration> Discover(MigrationFolderListing listing, string root)
    {
        var folder = listing.Path;
        if (!Directory.Exists(folder))
            throw new UsageException($"The migrations folder {DisplayOf(folder, root)} does not exist.");

        var problems = new List<string>();
        var ups = new SortedDictionary<string, MigrationFile>(StringComparer.Ordinal);
        var upNames = new Dictionary<string, MigrationFileName>();
        var downs = new Dictionary<string, (MigrationFile File, MigrationFileName Name, DownFileLocation Location)>();

        // A file that is no migration's (seed.sql) is skipped here; MigrationSet.Skipped names it.
        foreach (var listed in listing.Files.Where(f => f.Name is not null))
            Read(listed, root, problems, ups, upNames, downs);

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

    static void Read(ListedFile listed, string root, List<string> problems,
        SortedDictionary<string, MigrationFile> ups, Dictionary<string, MigrationFileName> upNames,
        Dictionary<string, (MigrationFile, MigrationFileName, DownFileLocation)> downs)
    {
        var path = listed.Path;
        var display = DisplayOf(path, root);
        var name = listed.Name!.Value;

        MigrationFile file;
        try
        {
            file = MigrationFile.Read(path, root);
        }
        catch (UsageException ex)
        {
            problems.Add(ex.Message);
            return;
        }

        if (file.IsBlank)
        {
            problems.Add($"{display}: the file is empty.");
            return;
        }

        if (listed.IsDown)
        {
            if (downs.TryGetValue(name.Version, out var other))
                problems.Add($"{display}: two down files for version {name.Version} (the other is {other.Item1.DisplayPath}).");
            else
                downs[name.Version] = (file, name, name.IsDownSuffix ? DownFileLocation.BesideUpFile : DownFileLocation.DownFolder);
        }
        else if (ups.TryGetValue(name.Version, out var existing))
        {
            problems.Add($"{display}: two files with version {name.Version} (the other is {existing.DisplayPath}). Versions must be unique.");
        }
        else
        {
            ups[name.Version] = file;
            upNames[name.Version] = name;
        }
    }

    static string DisplayOf(string path, string root) => RepositoryPaths.Display(path, root);
}
