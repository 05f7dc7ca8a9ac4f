using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.Hosting;
using CiMigrate.Lint;
using CiMigrate.Migrations;
using CiMigrate.Reporting;

namespace CiMigrate.Tasks;

/// <summary>
/// Lint before apply: the pending migrations, and only those (applied ones were linted when they were applied, and
/// reading a thousand of them would cost the no-op run its speed), with the configured severities. An
/// error-severity finding stops the run before anything runs.
/// </summary>
static class PendingLintGate
{
    /// <summary>Prints the error findings and returns the refusal (exit 1) when there are any; null when lint passes.</summary>
    public static RunRefused? Check(TaskContext context, string command, string environment, IReadOnlyList<Migration> pending)
    {
        if (pending.Count == 0)
            return null;
        var settings = context.Workspace.Settings;
        var targets = new LintTargets(settings, context.Options.WorkingDirectory, context.Options.Schema);
        var report = new Linter(LintRules.All, settings.Lint).Lint(pending, migration => targets.Of(migration.Up));
        if (!report.HasErrors)
            return null;

        var errors = new LintReport(report.Files, report.Findings.Where(f => f.IsError), report.Rules);
        LintGateRenderer.RenderFindings(errors, context.Options.Format, context.Output, context.Error);
        return new RunRefused(RefusalCodes.LintErrors, LintGateRenderer.RefusalMessage(command, environment, errors),
            LintGateRenderer.RefusalHelp, null, null, null);
    }
}
