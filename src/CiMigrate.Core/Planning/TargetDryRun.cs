using CiMigrate.Execution;
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
    /// <summary>A <see cref="HazardKind.FailsOnTarget"/> hazard for what stopped the dry run; empty when everything applied.</summary>
    public static async Task<IReadOnlyList<Hazard>> RunAsync(MigrationSession session, IReadOnlyList<Migration> pending,
        CancellationToken cancellationToken)
    {
        var outcome = await new MigrationExecutor(session, new ExecutionLog()).ApplyAsync(pending, new ApplyOptions
        {
            Provenance = new RunProvenance(session.Environment.Name, null, null, null, null),
            DryRun = true,
        }, cancellationToken);
        return FailureHazard.Of(outcome, HazardKind.FailsOnTarget, session.App.Schema,
            $"fails on {session.Environment.Name} (rolled back, nothing changed)",
            "Make the migration fit the target (or fix the target) before applying: apply would stop here.") is { } hazard
            ? [hazard]
            : [];
    }
}
