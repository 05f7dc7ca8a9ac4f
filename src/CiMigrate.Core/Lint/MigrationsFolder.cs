using CiMigrate.Configuration;
using CiMigrate.Migrations;

namespace CiMigrate.Lint;

/// <summary>
/// An app's migrations folder as the file rules see it: which up and down files sit there (from the one
/// <see cref="MigrationFolderListing"/>), read once per folder however many of its files are linted.
/// </summary>
public sealed class MigrationsFolder
{
    readonly Dictionary<string, List<string>> _upFilesByVersion = new(StringComparer.Ordinal);
    readonly HashSet<string> _downVersions = new(StringComparer.Ordinal);
    readonly Lazy<ColumnTypeHistory> _columnTypes;
    readonly Lazy<SecurityDefinerFunctions> _securityDefiners;

    public MigrationsFolder(string path, AppSettings? app)
    {
        Listing = MigrationFolderListing.Of(path, app?.Ignore);
        App = app;
        // Files are linted in parallel; the history is read once, by whichever file needs it first.
        _columnTypes = new(() => ColumnTypeHistory.Read(
            _upFilesByVersion.OrderBy(pair => pair.Key, StringComparer.Ordinal).SelectMany(pair => pair.Value)));
        _securityDefiners = new(() => SecurityDefinerFunctions.Read(
            _upFilesByVersion.OrderBy(pair => pair.Key, StringComparer.Ordinal).SelectMany(pair => pair.Value)));
        foreach (var file in Listing.Files)
        {
            if (file.Name is not { } name)
                continue;
            if (file.IsDown)
                _downVersions.Add(name.Version);
            else
                UpFilesOf(name.Version).Add(file.Path);
        }
    }

    /// <summary>The folder's files, as listed once.</summary>
    public MigrationFolderListing Listing { get; }

    /// <summary>Absolute path of the folder.</summary>
    public string Path => Listing.Path;

    /// <summary>The app the folder belongs to, when known.</summary>
    public AppSettings? App { get; }

    /// <summary>
    /// The versions of every app on the database the folder's app shares with them, when the app is a configured one
    /// (a folder linted outside settings has no known neighbours).
    /// </summary>
    public DatabaseVersions? DatabaseVersions { get; init; }

    public string DownFolder => Listing.DownFolder;

    /// <summary>The up files (absolute paths) that carry this version; more than one is an error.</summary>
    public IReadOnlyList<string> UpFilesWithVersion(string version) =>
        _upFilesByVersion.TryGetValue(version, out var files) ? files : [];

    public bool HasDownFile(string version) => _downVersions.Contains(version);

    /// <summary>Column types as the folder's up files declared them, in version order; read on first use.</summary>
    public ColumnTypeHistory ColumnTypes => _columnTypes.Value;

    /// <summary>Which functions the folder's up files left SECURITY DEFINER, in version order; read on first use.</summary>
    public SecurityDefinerFunctions SecurityDefiners => _securityDefiners.Value;

    /// <summary>Whether a file of this folder is one its app's <c>ignore</c> globs leave out.</summary>
    public bool Ignores(string file) => Contains(file) && !Listing.Files.Any(f => f.Path == file);

    /// <summary>Whether a file (absolute path) sits in this folder or its <c>down/</c> folder.</summary>
    public bool Contains(string file)
    {
        var directory = System.IO.Path.GetDirectoryName(file);
        return PathsEqual(directory, Path) || PathsEqual(directory, DownFolder);
    }

    List<string> UpFilesOf(string version)
    {
        if (!_upFilesByVersion.TryGetValue(version, out var files))
            _upFilesByVersion[version] = files = [];
        return files;
    }

    static bool PathsEqual(string? a, string b) =>
        a is not null && string.Equals(System.IO.Path.TrimEndingDirectorySeparator(a), System.IO.Path.TrimEndingDirectorySeparator(b),
            StringComparison.Ordinal);
}
