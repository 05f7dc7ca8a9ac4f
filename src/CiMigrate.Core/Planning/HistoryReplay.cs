using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.Execution.Events;
using CiMigrate.Migrations;
using Npgsql;

namespace CiMigrate.Planning;

/// <summary>
/// The one way an app's applied migrations are replayed on a shadow database, for <c>diff</c>, <c>diff --declared</c>
/// and <c>generate</c> alike: a database restored from the cache when it holds this history, the extensions the files
/// create checked first, the vector stand-in's index options left out (<see cref="ShadowIndexOptions"/>), each file run
/// by the real executor, and the state kept for the next run. What it could not do is <see cref="Failure"/>.
/// </summary>
public sealed class HistoryReplay : IAsyncDisposable
{
    readonly ShadowIndexOptions _indexOptions;

    HistoryReplay(ShadowDatabase database, ShadowIndexOptions indexOptions) => (Database, _indexOptions) = (database, indexOptions);

    public ShadowDatabase Database { get; }

    /// <summary>The session that replayed the history, to run more on; null when <see cref="Failure"/> stopped it before.</summary>
    public ShadowMigrationRunner? Runner { get; private set; }

    /// <summary>The pending migrations as the shadow runs them (adapted as the history was).</summary>
    public IReadOnlyList<Migration> Pending { get; private set; } = [];

    /// <summary>Why the history did not replay (a missing extension, a failing file); null when it did.</summary>
    public Hazard? Failure { get; private set; }

    /// <summary>The files the target must have run statement by statement, which the shadow replayed the same way.</summary>
    public IReadOnlyList<string> Notes { get; private set; } = [];

    /// <summary>The files replayed without their hnsw/ivfflat index options, for the plan's notes.</summary>
    public IReadOnlyList<string> IndexOptionsLeftOut => _indexOptions.Adapted;

    /// <summary>Replays <paramref name="applied"/> of <paramref name="app"/> on a new database of <paramref name="shadow"/>.</summary>
    /// <param name="pending">What will run after: checked for extensions and adapted too, but not run here.</param>
    public static async Task<HistoryReplay> StartAsync(IShadowDatabase shadow, AppSettings app, IReadOnlyList<Migration> applied,
        IReadOnlyList<Migration> pending, Action<PlanProgress> progress, CancellationToken cancellationToken)
    {
        var database = await shadow.CreateDatabaseAsync(app, applied, cancellationToken);
        var replay = new HistoryReplay(database, ShadowIndexOptions.Create());
        try
        {
            await replay.RunAsync(app, applied, pending, progress, cancellationToken);
            return replay;
        }
        catch (NpgsqlException ex) when (database.HoldsHistory && !cancellationToken.IsCancellationRequested)
        {
            // A restored history that fails before the pending files ran is the entry's fault, never the plan's: it is
            // dropped (with a note in the plan) and the history replayed again from the files.
            await DisposeBrokenAsync(replay);
            await shadow.DiscardRestoredHistoryAsync(ex.Message);
            return await StartAsync(shadow, app, applied, pending, progress, cancellationToken);
        }
        catch
        {
            await replay.DisposeAsync();
            throw;
        }
    }

    /// <summary>The database of a broken cluster may not even drop: the cluster is thrown away after it anyway.</summary>
    static async Task DisposeBrokenAsync(HistoryReplay replay)
    {
        try
        {
            await replay.DisposeAsync();
        }
        catch (NpgsqlException)
        {
        }
    }

    async Task RunAsync(AppSettings app, IReadOnlyList<Migration> applied, IReadOnlyList<Migration> pending, Action<PlanProgress> progress,
        CancellationToken cancellationToken)
    {
        await using (var shadowConnection = await Database.DataSource.OpenConnectionAsync(cancellationToken))
        {
            // A history restored from the cache was replayed on this server with these stand-ins (both are in its key):
            // its extensions are there, and only the pending files can ask for one that is not.
            IReadOnlyList<Migration> creating = Database.HoldsHistory ? pending : [.. applied, .. pending];
            if (await ShadowExtensions.UnavailableAsync(shadowConnection, creating, app.Schema, cancellationToken) is { } unavailable)
            {
                Failure = unavailable;
                return;
            }

            if (await ShadowIndexOptions.NeededAsync(shadowConnection, cancellationToken))
                (applied, pending) = (_indexOptions.Adapt(applied), _indexOptions.Adapt(pending));
        }

        Pending = pending;
        Runner = await ShadowMigrationRunner.OpenAsync(Database.ConnectionString, app, cancellationToken);
        // A migration that fails on the shadow would fail on the target too: the plan says where, and stops there.
        // A history restored from the cache replayed as this one would: only a history that replayed, and replayed as
        // apply runs it (no file the target must have run statement by statement, which the plan notes), is kept.
        if (Database.HoldsHistory)
            return;
        if (applied.Count > 0)
            progress(new PlanProgress(PlanStage.ReplayingApplied, 0, applied.Count));
        var replayed = await Runner.ApplyAsync(applied, alreadyApplied: true, cancellationToken);
        if (FailsOnShadow(replayed, app) is { } appliedFails)
        {
            Failure = appliedFails;
            return;
        }

        var asItCould = replayed.Events.OfType<ReplayedWithoutTransaction>().ToList();
        // What the target ran as it could (CONCURRENTLY without the marker) the shadow replays the same way, and says so.
        Notes = [.. asItCould.Select(r => $"{r.File} was replayed statement by statement, as the target must have applied it: {r.Reason}")];
        if (asItCould.Count == 0)
            await Database.KeepHistoryAsync();
    }

    /// <summary>The hazard of a replay on the shadow that did not get through; null when it did.</summary>
    public static Hazard? FailsOnShadow(ExecutionOutcome outcome, AppSettings app) =>
        FailureHazard.Of(outcome, HazardKind.FailsOnShadow, app.Schema,
            "fails on the shadow database, so it would fail on the target too",
            "Fix the migration: apply would stop here. The plan shows no changes until it replays.");

    public async ValueTask DisposeAsync()
    {
        if (Runner is not null)
            await Runner.DisposeAsync();
        await Database.DisposeAsync();
        _indexOptions.Dispose();
    }
}
