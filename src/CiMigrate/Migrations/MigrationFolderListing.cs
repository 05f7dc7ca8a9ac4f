namespace CiMigrate.Migrations;

/// <summary>
/// The one reading of a migrations folder's listing, for discovery, lint and <c>new</c> alike: the <c>.sql</c> files
/// directly in it and in its <c>down/</c> folder (the Supabase CLI ignores subfolders), each with its parsed name.
/// </summary>
public sealed class MigrationFolderListing
{
    /// <summary>Where down files live: <c>&lt;migrations&gt;/down/&lt;version&gt;_&lt;name&gt;.sql</c>.</summary>
    public const string DownFolderName = "down";

    MigrationFolderListing(string path, IReadOnlyList<ListedFile> files)
    {
        Path = path;
        Files = files;
    }

    /// <summary>Absolute path of the folder.</summary>
    public string Path { get; }

    public string DownFolder => System.IO.Path.Combine(Path, DownFolderName);

    /// <summary>Every <c>.sql</c> file, the folder's first, then <c>down/</c>'s, each part in ordinal order of the names.</summary>
    public IReadOnlyList<ListedFile> Files { get; }

    /// <summary>The files that are migrations' up files (named as one, not a down file).</summary>
    public IEnumerable<ListedFile> UpFiles => Files.Where(f => f.Name is not null && !f.IsDown);

    /// <summary>Lists the folder; an absent folder lists nothing (callers that need it say so themselves).</summary>
    public static MigrationFolderListing Of(string folder)
    {
        var path = System.IO.Path.GetFullPath(folder);
        var files = new List<ListedFile>();
        Add(path, inDownFolder: false, files);
        Add(System.IO.Path.Combine(path, DownFolderName), inDownFolder: true, files);
        return new MigrationFolderListing(path, files);
    }

    static void Add(string folder, bool inDownFolder, List<ListedFile> files)
    {
        if (!Directory.Exists(folder))
            return;
        foreach (var path in Directory.EnumerateFiles(folder, "*.sql").Order(StringComparer.Ordinal))
        {
            var name = MigrationFileName.TryParse(System.IO.Path.GetFileName(path), out var parsed) ? parsed : null;
            files.Add(new ListedFile(path, name, inDownFolder));
        }
    }
}
