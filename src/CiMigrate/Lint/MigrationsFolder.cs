using CiMigrate.Configuration;
using CiMigrate.Migrations;

namespace CiMigrate.Lint;

/// <summary>
/// An app's migrations folder as the file rules see it: which up and down files sit there, read once per
/// folder however many of its files are linted.
/// </summary>
public sealed class MigrationsFolder
{
    public const string DownFolderName = "down";

    readonly Dictionary<string, List<string>> _upFilesByVersion = new(StringComparer.Ordinal);
    readonly HashSet<string> _downVersions = new(StringComparer.Ordinal);
    readonly Lazy<ColumnTypeHistory> _columnTypes;

    public MigrationsFolder(string path, AppSettings? app)
    {
        Path = System.IO.Path.GetFullPath(path);
        App = app;
        // Files are linted in parallel; the history is read once, by whichever file needs it first.
        _columnTypes = new(() => ColumnTypeHistory.Read(
            _upFilesByVersion.OrderBy(pair => pair.Key, StringComparer.Ordinal).SelectMany(pair => pair.Value)));
        if (Directory.Exists(Path))
        {
            foreach (var file in Directory.EnumerateFiles(Path, "*.sql"))
            {
                if (!MigrationFileName.TryParse(System.IO.Path.GetFileName(file), out var name))
                    continue;
                if (name.Value.IsDownSuffix)
                    _downVersions.Add(name.Value.Version);
                else
                    UpFilesOf(name.Value.Version).Add(file);
            }
        }

        var down = System.IO.Path.Combine(Path, DownFolderName);
        if (Directory.Exists(down))
        {
            foreach (var file in Directory.EnumerateFiles(down, "*.sql"))
            {
                if (MigrationFileName.TryParse(System.IO.Path.GetFileName(file), out var name))
                    _downVersions.Add(name.Value.Version);
            }
        }
    }

    /// <summary>Absolute path of the folder.</summary>
    public string Path { get; }

    /// <summary>The app the folder belongs to, when known.</summary>
    public AppSettings? App { get; }

    public string DownFolder => System.IO.Path.Combine(Path, DownFolderName);

    /// <summary>The up files (absolute paths) that carry this version; more than one is an error.</summary>
    public IReadOnlyList<string> UpFilesWithVersion(string version) =>
        _upFilesByVersion.TryGetValue(version, out var files) ? files : [];

    public bool HasDownFile(string version) => _downVersions.Contains(version);

    /// <summary>Column types as the folder's up files declared them, in version order; read on first use.</summary>
    public ColumnTypeHistory ColumnTypes => _columnTypes.Value;

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
