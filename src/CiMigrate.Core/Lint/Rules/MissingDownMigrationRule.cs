using CiMigrate.Configuration;
using CiMigrate.Migrations;

namespace CiMigrate.Lint.Rules;

/// <summary>Without a down file, <c>ci-migrate rollback</c> cannot undo the migration.</summary>
sealed class MissingDownMigrationRule : ILintRule
{
    public string Id => "missing-down-migration";
    public LintSeverity DefaultSeverity => LintSeverity.Warning;
    public RuleCategory Category => RuleCategory.File;
    public string Summary => "A migration without a down file in down/";
    public string Help => "Add `down/<version>_<name>.sql` that undoes it (with IF EXISTS), as `ci-migrate new` creates.";

    public void Check(LintFile file, FindingCollector findings)
    {
        if (file.Folder is not { } folder || file.Role != LintFileRole.Up || !MigrationFileName.TryParse(file.FileName, out var name))
            return;
        if (!folder.HasDownFile(name.Value.Version))
            findings.ReportFile($"No down file for {file.FileName}: rollback cannot undo it.",
                $"Add {MigrationFolderListing.DownFolderName}/{file.FileName} that undoes it (with IF EXISTS).");
    }
}
