using CiMigrate.Configuration;
using CiMigrate.Migrations;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// In a migrations folder every migration has a version of its own, and every down file an up file: the Supabase
/// CLI and ci-migrate order and record migrations by that version. (A file named as no migration is
/// <c>skipped-file</c>'s.)
/// </summary>
sealed class FileNameRule : ILintRule
{
    public string Id => "file-name";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.File;
    public string Summary => "A duplicate version, a down file without an up file";
    public string Help => "Name it `<UTC yyyyMMddHHmmss>_<name>.sql` (letters, digits, '_' and '-'); `ci-migrate new <name>` does it for you.";

    public void Check(LintFile file, FindingCollector findings)
    {
        if (file.Folder is not { } folder)
            return;
        if (!MigrationFileName.TryParse(file.FileName, out var parsed))
            return;

        var name = parsed.Value;
        if (file.Role == LintFileRole.Down)
        {
            if (folder.UpFilesWithVersion(name.Version).Count == 0)
                findings.ReportFile($"Down file without an up file: no {name.Version}_*.sql in the migrations folder.");
            return;
        }

        var others = folder.UpFilesWithVersion(name.Version).Where(p => p != file.Path).Select(Path.GetFileName).ToList();
        if (others.Count > 0)
            findings.ReportFile($"Version {name.Version} is also used by {string.Join(", ", others)}: versions must be unique.",
                "Give one of the files a new version (a later UTC timestamp).");
    }
}
