using CiMigrate.Configuration;
using CiMigrate.Diagnostics;
using CiMigrate.Migrations;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// The runbook keeps <c>&lt;version&gt;_&lt;name&gt;_down.sql</c> beside the up file; the Supabase CLI reads it as
/// a second migration with the same version and <c>supabase db reset</c> / <c>migration up</c> fail. In
/// <c>down/</c> the CLI ignores it.
/// </summary>
sealed class DownFileLocationRule : ILintRule
{
    public string Id => "down-file-location";
    public LintSeverity DefaultSeverity => LintSeverity.Warning;
    public RuleCategory Category => RuleCategory.File;
    public string Summary => "A _down.sql file beside the up files instead of in down/";
    public string Help => "Move it to `down/<version>_<name>.sql` (`ci-migrate lint --fix` does).";

    public void Check(LintFile file, FindingCollector findings)
    {
        if (file.Folder is not { } folder || !MigrationFileName.TryParse(file.FileName, out var parsed) || !parsed.Value.IsDownSuffix
            || Path.GetDirectoryName(file.Path) != folder.Path)
            return;
        var name = parsed.Value;
        var destination = Path.Combine(folder.DownFolder, $"{name.Version}_{name.Name}.sql");
        findings.ReportFile(
            $"{file.FileName} sits beside the up files: the Supabase CLI reads it as a second migration {name.Version} and `supabase db reset` fails with a duplicate version.",
            $"Move it to {MigrationFolderListing.DownFolderName}/{name.Version}_{name.Name}.sql.",
            LintFix.Move($"move to {MigrationFolderListing.DownFolderName}/{name.Version}_{name.Name}.sql", destination));
    }
}
