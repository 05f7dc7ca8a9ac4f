using System.IO.Enumeration;

namespace CiMigrate.Migrations;

/// <summary>
/// The one reading of a migrations folder's listing, for discovery, lint and <c>new</c> alike: the files ending in
/// <c>.sql</c> (in any case) directly in it and in its <c>down/</c> folder (the Supabase CLI ignores subfolders), each
/// with its parsed name, less the files the app's <c>ignore</c> globs match.
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

    /// <summary>Every file, the folder's first, then <c>down/</c>'s, each part in ordinal order of the names.</summary>
    public IReadOnlyList<ListedFile> Files { get; }

    /// <summary>The files that are migrations' up files (named as one, not a down file).</summary>
    public IEnumerable<ListedFile> UpFiles => Files.Where(f => f.Name is not null && !f.IsDown);

    /// <summary>The files skipped with a warning (<see cref="ListedFile.SkipReason"/>).</summary>
    public IEnumerable<ListedFile> Skipped => Files.Where(f => f.SkipReason is not null);

    /// <summary>
    /// Lists the folder; an absent folder lists nothing (callers that need it say so themselves). A file whose path
    /// inside the folder (<c>seed.sql</c>, <c>down/x.sql</c>) matches one of <paramref name="ignore"/> is left out.
    /// </summary>
    public static MigrationFolderListing Of(string folder, IReadOnlyList<string>? ignore = null)
    {
        var path = System.IO.Path.GetFullPath(folder);
        var files = new List<ListedFile>();
        Add(path, "", inDownFolder: false, ignore ?? [], files);
        Add(System.IO.Path.Combine(path, DownFolderName), DownFolderName + "/", inDownFolder: true, ignore ?? [], files);
        return new MigrationFolderListing(path, files);
    }

    static void Add(string folder, string prefix, bool inDownFolder, IReadOnlyList<string> ignore, List<ListedFile> files)
    {
        if (!Directory.Exists(folder))
            return;
        var paths = Directory.EnumerateFiles(folder)
            .Where(p => p.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
            .Where(p => !ignore.Any(glob => FileSystemName.MatchesSimpleExpression(glob, prefix + System.IO.Path.GetFileName(p), ignoreCase: false)))
            .Order(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var name = MigrationFileName.TryParse(System.IO.Path.GetFileName(path), out var parsed) ? parsed : null;
            files.Add(new ListedFile(path, name, inDownFolder));
        }
    }
}
