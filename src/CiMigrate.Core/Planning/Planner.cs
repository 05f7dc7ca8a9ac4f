using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.Migrations;
using CiMigrate.Planning.Catalog;
using CiMigrate.Sql;
using Npgsql;

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
            PlanHash = PlanHash.Of(app.Name, request.Environment ?? "", request.Applied, request.Pending),
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
        // A refusal the ledger or the files' text decide needs no replay: the plan says it without starting a shadow.
        if (RefusedBeforeReplay(request) is { } refused)
            return plan with { Hazards = [refused] };

        var progress = request.Progress ?? (_ => { });
        progress(new PlanProgress(PlanStage.StartingShadow));
        await using var shadow = await request.StartShadow(cancellationToken);
        await using var replay = await HistoryReplay.StartAsync(shadow, app, request.Applied, request.Pending, progress, cancellationToken);
        plan = plan with { Notes = [.. plan.Notes, .. shadow.Notes, .. replay.Notes] };
        if (replay.Failure is { } failure)
            return plan with { Hazards = [failure] };
        var (database, runner, pending) = (replay.Database, replay.Runner!, replay.Pending);

        // The catalog before the pending files stays on the shadow's server, which later says what they changed.
        await using var catalog = await ReplayCatalog.KeepBeforeAsync(database.DataSource, cancellationToken);
        var exposedBefore = await ExposedTables.ReadAsync(database.DataSource, app, cancellationToken);
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
        var exposed = await ExposedTables.ReadAsync(database.DataSource, app, cancellationToken);
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
            Notes = [.. plan.Notes, .. recorder is null ? [UnattributedNote] : Array.Empty<string>(),
                .. await ShadowExtensions.NotesAsync(database.DataSource, ShadowExtensions.BaselineStandIns, cancellationToken),
                .. ShadowExtensions.IndexOptionNotes(replay.IndexOptionsLeftOut),
                .. ExtensionTable.Notes(catalog.ExtensionTablesLeftOut)],
            Changes = changes,
            Hazards = [.. ChangeHazards.Of(app.Schema, changes, before), .. exposed.HazardsSince(exposedBefore),
                .. LockHazards.Of(app.Schema, request.Pending, before), .. await VersionHazardAsync(database.DataSource, request, cancellationToken)],
            Drift = drift,
            Diagram = EntityDiagramBuilder.Build(app.Schema, changes, after),
        };
    }

    /// <summary>The shadow-version hazard when a target is there to compare with (<see cref="ShadowExtensions.VersionHazard"/>).</summary>
    static async Task<IReadOnlyList<Hazard>> VersionHazardAsync(NpgsqlDataSource shadow, PlanRequest request, CancellationToken cancellationToken)
    {
        if (request.LiveConnection is not { } target)
            return [];
        await using var connection = await shadow.OpenConnectionAsync(cancellationToken);
        return ShadowExtensions.VersionHazard(connection.PostgreSqlVersion, target.PostgreSqlVersion, request.Environment) is { } hazard
            ? [hazard] : [];
    }

    /// <summary>The hazard of the target's refusal, else of the pending files' refusal on the shadow; null when the replay may start.</summary>
    static Hazard? RefusedBeforeReplay(PlanRequest request) =>
        FailureHazard.Of(new ExecutionOutcome(request.Refusals), HazardKind.FailsOnTarget, request.App.Schema,
            $"is refused by {request.Environment}", "Apply would stop here, before running anything.")
        ?? HistoryReplay.FailsOnShadow(new ExecutionOutcome(ShadowMigrationRunner.Refusals(request.Pending)), request.App);
}
