using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.Hosting;
using CiMigrate.History;
using CiMigrate.Migrations;

namespace CiMigrate.Planning;

/// <summary>
/// <c>diff --dry-run-on-target</c>: the pending migrations run on the target through the executor's dry run (one
/// transaction, rolled back), so what fails there only (a hand-made object, another role's privileges) shows in the
/// plan exactly as apply would report it. Nothing stays on the target.
/// </summary>
public static class TargetDryRun
{
    /// <summary>A <see cref="HazardKind.FailsOnTarget"/> hazard for the failing migration; empty when everything applied.</summary>
    public static async Task<IReadOnlyList<Hazard>> RunAsync(MigrationSession session, IReadOnlyList<Migration> pending,
        CancellationToken cancellationToken)
    {
        var outcome = await new MigrationExecutor(session, new ExecutionLog()).ApplyAsync(pending, new ApplyOptions
        {
            Provenance = new RunProvenance(session.Environment.Name, null, null, null, null),
            DryRun = true,
        }, cancellationToken);
        if (outcome.Events.OfType<RunFailed>().FirstOrDefault() is { } run)
            throw new ExecutionException(run.Message);
        if (outcome.Failure is not { } failure)
            return [];

        var hint = failure.Hint is { Length: > 0 } h ? $" Hint: {h}" : "";
        return
        [
            new Hazard(HazardKind.FailsOnTarget, session.App.Schema,
                $"{failure.File} fails on {session.Environment.Name} (rolled back, nothing changed): {failure.Message}{hint}")
            {
                Advice = "Make the migration fit the target (or fix the target) before applying: apply would stop here.",
                File = failure.File,
                Line = failure.Line,
                Column = failure.Column,
            },
        ];
    }
}
