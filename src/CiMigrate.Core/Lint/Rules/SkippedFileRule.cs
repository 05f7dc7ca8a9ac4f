using CiMigrate.Configuration;
using CiMigrate.Migrations;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// A <c>.sql</c> file in a migrations folder whose name is no migration's (<c>seed.sql</c>, <c>local_2024_x.sql</c>,
/// <c>x.SQL</c>): the Supabase CLI skips it with "Skipping migration ...", and so does ci-migrate, with a warning.
/// </summary>
sealed class SkippedFileRule : ILintRule
{
    public string Id => "skipped-file";
    public LintSeverity DefaultSeverity => LintSeverity.Warning;
    public RuleCategory Category => RuleCategory.File;
    public string Summary => "A .sql file in the migrations folder that is no migration (seed.sql, x.SQL): skipped, never applied";
    public string Help => "Rename it `<version>_<name>.sql` if it should run (`ci-migrate new <name>` makes one), move it out of the migrations folder, or list it in `apps.<name>.ignore`.";

    public void Check(LintFile file, FindingCollector findings)
    {
        if (file.Role != LintFileRole.NotAMigration)
            return;
        var reason = new ListedFile(file.Path, null, InDownFolder: false).SkipReason;
        findings.ReportFile($"{file.FileName} is skipped: {reason}.");
    }
}
