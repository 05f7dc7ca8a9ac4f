using CiMigrate.Configuration;
using CiMigrate.Migrations;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// Apps on one database share <c>supabase_migrations.schema_migrations</c>, whose key is the version alone: a second
/// app's migration with a version the first already recorded collides there (the Supabase CLI then counts one of the
/// two as applied), so a version is unique across every app of the repository, as <c>ci-migrate new</c> picks it.
/// </summary>
sealed class VersionSharedByAppsRule : ILintRule
{
    public string Id => "version-shared-by-apps";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.File;
    public string Summary => "Two apps on one database with a migration of the same version";

    public string Help =>
        "Give the newer file a version no app uses (a later UTC timestamp): `ci-migrate new <name> --app <app>` picks one, and a file not yet applied anywhere can simply be renamed.";

    public void Check(LintFile file, FindingCollector findings)
    {
        if (file.Role != LintFileRole.Up || file.Folder is not { App: { } app, DatabaseVersions: { } versions })
            return;
        if (!MigrationFileName.TryParse(file.FileName, out var parsed))
            return;

        var version = parsed.Value.Version;
        foreach (var other in versions.OtherAppsWith(version, app.Name))
        {
            findings.ReportFile(
                $"Version {version} is also {other.App}'s: {other.DisplayPath}. Both apps record their migrations in the " +
                "database's supabase_migrations.schema_migrations, keyed by the version alone, so one app's row stands for the other's migration.");
        }
    }
}
