using System.Collections.Concurrent;
using CiMigrate.Configuration;
using CiMigrate.Hosting;
using CiMigrate.Migrations;

namespace CiMigrate.Lint;

/// <summary>
/// Which files <c>ci-migrate lint</c> reads, and what each is: the paths given (files, or folders searched for
/// <c>*.sql</c> in any case, each real folder and file once however many links lead to it), else every selected app's
/// migrations folder; each file placed in its migrations folder (a configured app's, or any folder named
/// <c>migrations</c>) so the file rules and the app's schema apply. Files an app's <c>ignore</c> globs match are left out.
/// </summary>
public sealed class LintTargets(Settings settings, string workingDirectory, string? schemaOption)
{
    const string MigrationsFolderName = "migrations";
    static readonly string[] SkippedFolders = ["node_modules", "bin", "obj", ".git"];

    readonly ConcurrentDictionary<string, MigrationsFolder?> _folders = new(StringComparer.Ordinal);

    // Every configured app's folder listed once, by the first file whose rules ask (files are linted in parallel).
    readonly Lazy<DatabaseVersions> _databaseVersions = new(() => DatabaseVersions.Of(settings.Apps, settings.Root));

    /// <summary>Absolute paths of the files to lint, sorted; <paramref name="paths"/> empty means every app's folder.</summary>
    public IReadOnlyList<string> Find(IReadOnlyList<string> paths, IReadOnlyList<AppSettings> apps)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        if (paths.Count == 0)
        {
            foreach (var app in apps)
                AddMigrationsFolder(app, files);
            return [.. files];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var given in paths)
        {
            var path = Path.GetFullPath(given, workingDirectory);
            if (Path.GetPathRoot(path) == path)
                throw new UsageException($"{given}: the root of the file system is no migrations folder; name the migrations files or folders to lint.");
            try
            {
                if (File.Exists(path))
                    AddFile(path, files, seen);
                else if (Directory.Exists(path))
                    AddFolder(path, files, seen);
                else
                    throw new UsageException($"{given}: no such file or folder.");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A symbolic link loop, an unreadable folder: the user's paths, not a fault of the tool.
                throw new UsageException($"{given}: cannot be read ({ex.Message}); name the migrations files or folders to lint.", ex);
            }
        }

        return [.. files.Where(file => FolderOf(file)?.Ignores(file) != true)];
    }

    /// <summary>Reads a file and places it: its role, its migrations folder and its app's schema.</summary>
    public LintFile Read(string path) => Place(path, text: null);

    /// <summary>A migration discovery has read: the text that is about to run, placed as <see cref="Read"/> does.</summary>
    public LintFile Of(MigrationFile file) => Place(file.Path, file.Text);

    // Thread-safe: the apply gate opens the files it lints from parallel workers.
    LintFile Place(string path, string? text)
    {
        var folder = FolderOf(path);
        var directory = Path.GetDirectoryName(path)!;
        var parsed = MigrationFileName.TryParse(Path.GetFileName(path), out var name);
        var isDown = (folder is not null && directory == folder.DownFolder) || (parsed && name!.Value.IsDownSuffix);
        var schema = folder?.App?.Schema is { Length: > 0 } appSchema ? appSchema : schemaOption;
        var role = folder is not null && !parsed ? LintFileRole.NotAMigration : isDown ? LintFileRole.Down : LintFileRole.Up;
        var displayPath = RepositoryPaths.Display(path, settings.Root);
        return text is null
            ? LintFile.Read(path, displayPath, role, schema, folder)
            : new LintFile(path, displayPath, text, role, schema, folder);
    }

    // Keyed by the migrations folder (a down/ file's too): each folder is listed once, however many of its files and
    // its down/ folder's are linted; at 10,000 migrations a listing is 20,000 entries.
    MigrationsFolder? FolderOf(string file)
    {
        var directory = Path.GetDirectoryName(file)!;
        var folderPath = Path.GetFileName(directory) == MigrationFolderListing.DownFolderName ? Path.GetDirectoryName(directory)! : directory;
        return _folders.GetOrAdd(folderPath, FolderAt);
    }

    MigrationsFolder? FolderAt(string folderPath)
    {
        var app = settings.Apps.FirstOrDefault(a => SamePath(a.Migrations, folderPath));
        MigrationsFolder? folder = null;
        if (app is not null)
        {
            folder = new MigrationsFolder(folderPath, app) { DatabaseVersions = _databaseVersions.Value };
        }
        else if (Path.GetFileName(folderPath) == MigrationsFolderName)
        {
            // Outside settings (a path on the command line): the app is named after the folder and its schema is
            // what its migrations set, as zero-config does.
            var schema = schemaOption ?? SchemaInference.FromMigrations(folderPath);
            folder = new MigrationsFolder(folderPath, schema is null ? null : new AppSettings(SettingsLoader.AppNameOf(folderPath), schema, folderPath));
        }

        return folder;
    }

    void AddMigrationsFolder(AppSettings app, SortedSet<string> files)
    {
        if (!Directory.Exists(app.Migrations))
            throw new UsageException($"The migrations folder {app.Migrations} does not exist.");
        // The listing the file rules use later, when the folder is this app's (two apps may share one, each with its ignore).
        var folder = _folders.GetOrAdd(Path.TrimEndingDirectorySeparator(Path.GetFullPath(app.Migrations)), FolderAt);
        var listing = folder?.App == app ? folder.Listing : MigrationFolderListing.Of(app.Migrations, app.Ignore);
        files.UnionWith(listing.Files.Select(f => f.Path));
    }

    /// <summary>A folder's <c>.sql</c> files (any case) and its subfolders'; a folder or file already seen through another link is not read again.</summary>
    static void AddFolder(string folder, SortedSet<string> files, HashSet<string> seen)
    {
        if (!seen.Add(RealPath(new DirectoryInfo(folder))))
            return;
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".sql", StringComparison.OrdinalIgnoreCase)))
            AddFile(file, files, seen);
        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            if (!SkippedFolders.Contains(Path.GetFileName(child)))
                AddFolder(child, files, seen);
        }
    }

    static void AddFile(string file, SortedSet<string> files, HashSet<string> seen)
    {
        if (seen.Add(RealPath(new FileInfo(file))))
            files.Add(file);
    }

    /// <summary>Where a link (a chain of them) finally points; the path itself for anything else.</summary>
    static string RealPath(FileSystemInfo entry) => entry.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? entry.FullName;

    static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);
}
