using CiMigrate.Configuration;

namespace CiMigrate.Migrations;

/// <summary>The migrations of one app, ordered by version; the first link of MigrationSet → Planner → Executor → History.</summary>
public sealed class MigrationSet(AppSettings app, IReadOnlyList<Migration> migrations, IReadOnlyList<string>? skipped = null)
{
    public AppSettings App { get; } = app;

    public IReadOnlyList<Migration> Migrations { get; } = migrations;

    /// <summary>
    /// One warning per file of the folder that is no migration (<c>seed.sql</c>, <c>x.SQL</c>), as the Supabase CLI
    /// prints <c>Skipping migration ...</c>: <c>Skipping migration supabase/migrations/seed.sql: ...</c>.
    /// </summary>
    public IReadOnlyList<string> Skipped { get; } = skipped ?? [];

    public Migration? Find(string version) => Migrations.FirstOrDefault(m => m.Version == version);

    /// <summary>
    /// Reads the app's migrations folder, ordered by version as text (byte by byte), as the Supabase CLI compares
    /// versions; every bad file is named in one <see cref="MigrationSetException"/>.
    /// </summary>
    public static MigrationSet Load(AppSettings app, string root)
    {
        var listing = MigrationFolderListing.Of(app.Migrations, app.Ignore);
        return new(app, MigrationDiscovery.Discover(listing, root),
            [.. listing.Skipped.Select(f => $"Skipping migration {RepositoryPaths.Display(f.Path, root)}: {f.SkipReason}.")]);
    }
}
