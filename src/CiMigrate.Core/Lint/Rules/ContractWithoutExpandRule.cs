using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// <c>-- ci-migrate:contract &lt;version&gt;</c> names the expand migration it completes; the contract gate waits
/// on that migration's apply time. A version with no migration in the folder (a typo, a renamed file) leaves the
/// gate nothing to wait for.
/// </summary>
sealed class ContractWithoutExpandRule : ILintRule
{
    public string Id => "contract-without-expand";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.HouseRule;
    public string Summary => "A contract migration naming an expand version no migration of the folder has";
    public string Help => "Name the version of the expand migration this contract completes: `-- ci-migrate:contract <14-digit version>`.";
    public bool AppliesToDownFiles => false;

    public void Check(LintFile file, FindingCollector findings)
    {
        var phase = file.Script.Phase;
        if (phase.Phase != MigrationPhase.Contract || file.Folder is not { } folder || folder.UpFilesWithVersion(phase.ExpandVersion!).Count > 0)
            return;
        findings.ReportLine(phase.Line, $"the contract completes {phase.ExpandVersion}, but the migrations folder has no migration {phase.ExpandVersion}.");
    }
}
