using CiMigrate.Configuration;
using CiMigrate.Migrations;

namespace CiMigrate.Lint;

/// <summary>
/// The versions of the up files of every app that shares one database: the apps of one <c>ci-migrate.json</c>, which
/// every environment's database holds together. They share <c>supabase_migrations.schema_migrations</c>, whose key is
/// the version alone, so a version is the database's, not an app's.
/// </summary>
public sealed class DatabaseVersions
{
    readonly Dictionary<string, List<AppFile>> _filesByVersion = new(StringComparer.Ordinal);

    DatabaseVersions()
    {
    }

    /// <summary>An up file of one of the apps: the app's name and the path users see.</summary>
    public sealed record AppFile(string App, string DisplayPath);

    /// <summary>Lists each app's folder once (its <c>ignore</c> globs applied); paths are shown relative to <paramref name="root"/>.</summary>
    public static DatabaseVersions Of(IReadOnlyList<AppSettings> apps, string root)
    {
        var versions = new DatabaseVersions();
        foreach (var app in apps)
        {
            foreach (var file in MigrationFolderListing.Of(app.Migrations, app.Ignore).UpFiles)
            {
                var version = file.Name!.Value.Version;
                if (!versions._filesByVersion.TryGetValue(version, out var files))
                    versions._filesByVersion[version] = files = [];
                files.Add(new AppFile(app.Name, RepositoryPaths.Display(file.Path, root)));
            }
        }

        return versions;
    }

    /// <summary>The up files of other apps than <paramref name="app"/> that carry <paramref name="version"/>.</summary>
    public IEnumerable<AppFile> OtherAppsWith(string version, string app) =>
        _filesByVersion.TryGetValue(version, out var files) ? files.Where(f => f.App != app) : [];
}
