using CiMigrate.Configuration;
using CiMigrate.Sql;

namespace CiMigrate.Lint.Rules;

/// <summary>
/// An app's migration changes its own schema, never what every app shares: event triggers, <c>ALTER DATABASE</c>,
/// <c>ALTER SYSTEM</c>, role memberships, default privileges across all schemas (<see cref="GlobalDdl"/>). The
/// executor refuses the same statements unless <c>-- ci-migrate:allow-global &lt;reason&gt;</c> stands above them.
/// </summary>
sealed class GlobalDdlRule : ILintRule
{
    public string Id => "global-ddl";
    public LintSeverity DefaultSeverity => LintSeverity.Error;
    public RuleCategory Category => RuleCategory.HouseRule;
    public string Summary => "A change outside every schema: event triggers, ALTER DATABASE/SYSTEM, role memberships, global default privileges";
    public string Help => $"Leave it to an operator. If it is really meant, say why on the line above: `-- {GlobalDdl.Directive} <reason>` (lint and the executor both accept it).";

    public void Check(LintFile file, FindingCollector findings)
    {
        foreach (var statement in file.Statements)
        {
            if (GlobalDdl.Of(statement) is { } global && !GlobalDdl.IsAllowed(statement))
                findings.Report(statement, $"{global}: one app's migration does not change what all apps share.");
        }
    }
}
