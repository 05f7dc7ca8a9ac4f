namespace CiMigrate.Migrations;

/// <summary>A forward migration of one app, with its down file when it has one.</summary>
public sealed record Migration(string Version, string Name, MigrationFile Up, MigrationFile? Down, DownFileLocation DownLocation)
{
    public string Checksum => Up.Checksum;

    /// <summary><c>20250208000004_add_basic_categories</c>.</summary>
    public string Id => $"{Version}_{Name}";
}
