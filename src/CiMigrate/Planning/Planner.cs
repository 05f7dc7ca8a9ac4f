using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.Planning.Catalog;

namespace CiMigrate.Planning;

/// <summary>
/// Builds a <see cref="Plan"/> by replay: on a shadow database, apply the migrations the target already has, take a
/// snapshot of every schema, apply the pending ones, take another, and compare. The target itself is only read.
/// </summary>
public static class Planner
{
    public static async Task<Plan> PlanAsync(PlanRequest request, CancellationToken cancellationToken = default)
    {
        var app = request.App;
        var plan = new Plan
        {
            App = app.Name,
            Schema = app.Schema,
            Environment = request.Environment,
            PlanHash = PlanHash.Of(app.Name, request.Environment ?? "", request.Pending),
            Pending = [.. request.Pending.Select(m => new PendingMigration(m.Version, m.Name, m.Up.DisplayPath, m.Checksum, m.Up.Text))],
            Findings = request.Findings,
            Notes = request.Notes,
        };
        if (request.Pending.Count == 0 && request.LiveConnection is null)
            return plan;

        var progress = request.Progress ?? (_ => { });
        progress(new PlanProgress(PlanStage.StartingShadow));
        await using var shadow = await request.StartShadow(cancellationToken);
        await using var database = await shadow.CreateDatabaseAsync(cancellationToken);
        await using var runner = await ShadowMigrationRunner.OpenAsync(database.ConnectionString, app, cancellationToken);
        if (request.Applied.Count > 0)
        {
            // In one call: a long history replays fastest in one executor run.
            progress(new PlanProgress(PlanStage.ReplayingApplied, 0, request.Applied.Count));
            // A migration that fails on the shadow would fail on the target too: the plan says where, and stops there.
            if (ReplayFailure(await runner.ApplyAsync(request.Applied, cancellationToken), app) is { } appliedFails)
                return plan with { Hazards = [appliedFails] };
        }

        var before = await CatalogReader.ReadAllAsync(database.DataSource, cancellationToken);
        for (var i = 0; i < request.Pending.Count; i++)
        {
            progress(new PlanProgress(PlanStage.ReplayingPending, i, request.Pending.Count, request.Pending[i].Up.DisplayPath));
            if (ReplayFailure(await runner.ApplyAsync([request.Pending[i]], cancellationToken), app) is { } pendingFails)
                return plan with { Hazards = [pendingFails] };
        }

        progress(new PlanProgress(PlanStage.Comparing));
        var after = request.Pending.Count == 0 ? before : await CatalogReader.ReadAllAsync(database.DataSource, cancellationToken);

        var changes = CatalogComparer.Compare(before, after, sameDatabase: true);
        IReadOnlyList<SchemaChange>? drift = null;
        if (request.LiveConnection is { } connection)
        {
            progress(new PlanProgress(PlanStage.ReadingTarget));
            var live = await CatalogReader.ReadAsync(connection, [app.Schema], cancellationToken);
            var expected = before.Only(app.Schema);
            // A new app: the shadow has its (empty) schema so the pending migrations meet what apply creates for them;
            // the target not having it yet is not drift.
            if (request.Applied.Count == 0 && !live.Objects.Any(o => o.Kind == ObjectKind.Schema))
                expected = expected with { Objects = [.. expected.Objects.Where(o => o.Kind != ObjectKind.Schema)] };
            drift = CatalogComparer.Compare(expected, live, sameDatabase: false);
        }

        return plan with
        {
            Changes = changes,
            Hazards = [.. ChangeHazards.Of(app.Schema, changes, before), .. LockHazards.Of(app.Schema, request.Pending, before)],
            Drift = drift,
            Diagram = EntityDiagramBuilder.Build(app.Schema, changes, after),
        };
    }

    static Hazard? ReplayFailure(ExecutionOutcome outcome, AppSettings app) =>
        FailureHazard.Of(outcome, HazardKind.FailsOnShadow, app.Schema,
            "fails on the shadow database, so it would fail on the target too",
            "Fix the migration: apply would stop here. The plan shows no changes until it replays.");
}
