using CiMigrate.Configuration;

namespace CiMigrate.Migrations;

/// <summary>The migrations of one app, ordered by version; the first link of MigrationSet → Planner → Executor → History.</summary>
public sealed class MigrationSet(AppSettings app, IReadOnlyList<Migration> migrations)
{
    public AppSettings App { get; } = app;

    public IReadOnlyList<Migration> Migrations { get; } = migrations;

    public Migration? Find(string version) => Migrations.FirstOrDefault(m => m.Version == version);

    /// <summary>Reads the app's migrations folder; every bad file is named in one <see cref="MigrationSetException"/>.</summary>
    public static MigrationSet Load(AppSettings app, string root) => new(app, MigrationDiscovery.Discover(app.Migrations, root));
}
