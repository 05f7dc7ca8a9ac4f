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
        var boundary = new LinkBoundary(path);
        var files = new List<ListedFile>();
        Add(path, "", inDownFolder: false, ignore ?? [], boundary, files);
        Add(System.IO.Path.Combine(path, DownFolderName), DownFolderName + "/", inDownFolder: true, ignore ?? [], boundary, files);
        return new MigrationFolderListing(path, files);
    }

    static void Add(string folder, string prefix, bool inDownFolder, IReadOnlyList<string> ignore, LinkBoundary boundary,
        List<ListedFile> files)
    {
        if (!Directory.Exists(folder))
            return;
        boundary.Check(new DirectoryInfo(folder));
        var start = files.Count;
        // What Directory.EnumerateFiles(folder) lists (hidden files too, links to files), filtered on the entry's name
        // before any string is made of it: a folder of 10,000 migrations and their down files is listed on every run.
        var entries = new FileSystemEnumerable<(string Path, bool IsLink)>(folder,
            (ref entry) => (entry.ToFullPath(), entry.Attributes.HasFlag(FileAttributes.ReparsePoint)),
            new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldIncludePredicate = (ref entry) => !entry.IsDirectory
                && entry.FileName.EndsWith(".sql", StringComparison.OrdinalIgnoreCase)
                && !Ignored(entry.FileName, prefix, ignore),
        };
        foreach (var (path, isLink) in entries)
        {
            if (isLink)
                boundary.Check(new FileInfo(path));
            var name = MigrationFileName.TryParse(System.IO.Path.GetFileName(path.AsSpan()), out var parsed) ? parsed : null;
            files.Add(new ListedFile(path, name, inDownFolder));
        }

        files.Sort(start, files.Count - start, ByPath);
    }

    static bool Ignored(ReadOnlySpan<char> fileName, string prefix, IReadOnlyList<string> ignore)
    {
        if (ignore.Count == 0)
            return false;
        var inFolder = string.Concat(prefix, fileName);
        return ignore.Any(glob => FileSystemName.MatchesSimpleExpression(glob, inFolder, ignoreCase: false));
    }

    static readonly Comparer<ListedFile> ByPath = Comparer<ListedFile>.Create((a, b) => string.CompareOrdinal(a.Path, b.Path));
}
