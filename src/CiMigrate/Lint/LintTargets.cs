using System.Collections.Concurrent;
using CiMigrate.Configuration;
using CiMigrate.Hosting;
using CiMigrate.Migrations;

namespace CiMigrate.Lint;

/// <summary>
/// Which files <c>ci-migrate lint</c> reads, and what each is: the paths given (files, or folders searched for
/// <c>*.sql</c>), else every selected app's migrations folder; each file placed in its migrations folder (a
/// configured app's, or any folder named <c>migrations</c>) so the file rules and the app's schema apply.
/// </summary>
public sealed class LintTargets(Settings settings, string workingDirectory, string? schemaOption)
{
    const string MigrationsFolderName = "migrations";
    static readonly string[] SkippedFolders = ["node_modules", "bin", "obj", ".git"];

    readonly ConcurrentDictionary<string, MigrationsFolder?> _folders = new(StringComparer.Ordinal);

    /// <summary>Absolute paths of the files to lint, sorted; <paramref name="paths"/> empty means every app's folder.</summary>
    public IReadOnlyList<string> Find(IReadOnlyList<string> paths, IReadOnlyList<AppSettings> apps)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        if (paths.Count == 0)
        {
            foreach (var app in apps)
                AddMigrationsFolder(app.Migrations, files);
            return [.. files];
        }

        foreach (var given in paths)
        {
            var path = Path.GetFullPath(given, workingDirectory);
            if (File.Exists(path))
                files.Add(path);
            else if (Directory.Exists(path))
                AddFolder(path, files);
            else
                throw new UsageException($"{given}: no such file or folder.");
        }

        return [.. files];
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
        var isDown = (folder is not null && directory == folder.DownFolder)
            || (MigrationFileName.TryParse(Path.GetFileName(path), out var name) && name.Value.IsDownSuffix);
        var schema = folder?.App?.Schema is { Length: > 0 } appSchema ? appSchema : schemaOption;
        var role = isDown ? LintFileRole.Down : LintFileRole.Up;
        var displayPath = RepositoryPaths.Display(path, settings.Root);
        return text is null
            ? LintFile.Read(path, displayPath, role, schema, folder)
            : new LintFile(path, displayPath, text, role, schema, folder);
    }

    MigrationsFolder? FolderOf(string file)
    {
        var directory = Path.GetDirectoryName(file)!;
        return _folders.GetOrAdd(directory, FolderAt);
    }

    MigrationsFolder? FolderAt(string directory)
    {
        var folderPath = Path.GetFileName(directory) == MigrationFolderListing.DownFolderName ? Path.GetDirectoryName(directory)! : directory;
        var app = settings.Apps.FirstOrDefault(a => SamePath(a.Migrations, folderPath));
        MigrationsFolder? folder = null;
        if (app is not null)
        {
            folder = new MigrationsFolder(folderPath, app);
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

    static void AddMigrationsFolder(string folder, SortedSet<string> files)
    {
        if (!Directory.Exists(folder))
            throw new UsageException($"The migrations folder {folder} does not exist.");
        files.UnionWith(MigrationFolderListing.Of(folder).Files.Select(f => f.Path));
    }

    static void AddFolder(string folder, SortedSet<string> files)
    {
        files.UnionWith(Directory.EnumerateFiles(folder, "*.sql"));
        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            if (!SkippedFolders.Contains(Path.GetFileName(child)))
                AddFolder(child, files);
        }
    }

    static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);
}
