using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.Migrations;
using CiMigrate.Planning.Catalog;
using CiMigrate.Sql;

namespace CiMigrate.Planning;

/// <summary>
/// Builds a <see cref="Plan"/> by replay: on a shadow database, apply the migrations the target already has, take a
/// snapshot of every schema, apply the pending ones, take another, and compare. The target itself is only read.
/// </summary>
public static class Planner
{
    const string UnattributedNote =
        "The shadow's role may not create event triggers, so the changes and the hazards found by comparing catalogs name no statement.";

    public static async Task<Plan> PlanAsync(PlanRequest request, CancellationToken cancellationToken = default)
    {
        var app = request.App;
        var plan = new Plan
        {
            App = app.Name,
            Schema = app.Schema,
            Environment = request.Environment,
            PlanHash = PlanHash.Of(app.Name, request.Environment ?? "", request.Pending),
            Pending = [.. request.Pending.Select(m => new PendingMigration(m.Version, m.Name, m.Up.DisplayPath, m.Checksum, m.Up.Text)
            {
                Phase = m.Up.Script.Phase.Phase,
                ExpandVersion = m.Up.Script.Phase.ExpandVersion,
                Runs = TransactionSegments.Describe(m.Up.Script.Segments),
                Segments = m.Up.Script.Segments.Count,
                SegmentsCommitted = request.SegmentsCommitted.TryGetValue(m.Version, out var committed) ? committed : null,
            })],
            Findings = request.Findings,
            Notes = request.Notes,
        };
        if (request.Pending.Count == 0 && request.LiveConnection is null)
            return plan;

        var progress = request.Progress ?? (_ => { });
        progress(new PlanProgress(PlanStage.StartingShadow));
        await using var shadow = await request.StartShadow(cancellationToken);
        await using var replay = await HistoryReplay.StartAsync(shadow, app, request.Applied, request.Pending, progress, cancellationToken);
        plan = plan with { Notes = [.. plan.Notes, .. replay.Notes] };
        if (replay.Failure is { } failure)
            return plan with { Hazards = [failure] };
        var (database, runner, pending) = (replay.Database, replay.Runner!, replay.Pending);

        // The catalog before the pending files stays on the shadow's server, which later says what they changed.
        await using var catalog = await ReplayCatalog.KeepBeforeAsync(database.DataSource, cancellationToken);
        var recorder = await runner.RecordStatementsAsync(cancellationToken);
        // One executor run for all pending files (its checks run once); its events say which file it is at.
        var started = 0;
        var replayedPending = await runner.ApplyAsync(pending, alreadyApplied: false, cancellationToken, e =>
        {
            if (e is MigrationStarted file)
                progress(new PlanProgress(PlanStage.ReplayingPending, started++, pending.Count, file.File));
        });
        if (HistoryReplay.FailsOnShadow(replayedPending, app) is { } pendingFails)
            return plan with { Hazards = [pendingFails] };

        progress(new PlanProgress(PlanStage.Comparing));
        var (before, after) = request.Pending.Count == 0
            ? (CatalogSnapshot.Empty, CatalogSnapshot.Empty)
            : await catalog.ChangedAsync(LockHazards.DroppedIndexes(request.Pending), cancellationToken);

        var changes = CatalogComparer.Compare(before, after, sameDatabase: true);
        if (recorder is not null)
            changes = StatementAttribution.Attribute(changes, await recorder.ReadAsync(cancellationToken), pending, before, after);
        IReadOnlyList<SchemaChange>? drift = null;
        if (request.LiveConnection is { } connection)
        {
            progress(new PlanProgress(PlanStage.ReadingTarget));
            var (expected, live) = await catalog.DriftAsync(connection, app.Schema, cancellationToken);
            // A new app: the shadow has its (empty) schema so the pending migrations meet what apply creates for them;
            // the target not having it yet is not drift.
            if (request.Applied.Count == 0 && !live.Objects.Any(o => o.Kind == ObjectKind.Schema))
                expected = expected with { Objects = [.. expected.Objects.Where(o => o.Kind != ObjectKind.Schema)] };
            drift = CatalogComparer.Compare(expected, live, sameDatabase: false);
        }

        return plan with
        {
            Notes = [.. plan.Notes, .. recorder is null ? [UnattributedNote] : Array.Empty<string>(), .. await ShadowExtensions.NotesAsync(database.DataSource, ShadowExtensions.BaselineStandIns, request.LiveConnection,
                request.Environment, cancellationToken), .. ShadowExtensions.IndexOptionNotes(replay.IndexOptionsLeftOut),
                .. ExtensionTable.Notes(catalog.ExtensionTablesLeftOut)],
            Changes = changes,
            Hazards = [.. ChangeHazards.Of(app.Schema, changes, before), .. LockHazards.Of(app.Schema, request.Pending, before)],
            Drift = drift,
            Diagram = EntityDiagramBuilder.Build(app.Schema, changes, after),
        };
    }
}
