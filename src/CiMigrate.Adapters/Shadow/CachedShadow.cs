using CiMigrate.Configuration;
using CiMigrate.Hosting;
using CiMigrate.Migrations;
using CiMigrate.Planning;

namespace CiMigrate.Shadow;

/// <summary>
/// A throwaway cluster that starts from a <see cref="ShadowCache"/> snapshot where it can: with an app's applied
/// migrations already replayed (only the pending ones are left to run), else right after initdb and the Supabase
/// template. Without an entry it starts the slow way and stores the entries for the next run. The cluster is started by
/// the first database asked for, because the history asked for decides which entry to start from.
/// </summary>
public sealed class CachedShadow : IShadowDatabase
{
    // Fixed, so that a restored snapshot's database is found by name; nobody else creates databases in our own cluster.
    const string HistoryDatabase = "shadow_history";

    readonly PostgresBinaries _binaries;
    readonly ShadowCache _cache;
    readonly ShadowCacheKey _clusterKey;
    readonly List<string> _notes = [];
    ThrowawayCluster? _cluster;
    ShadowCacheKey? _restoredHistory;

    public CachedShadow(PostgresBinaries binaries, ShadowCache cache)
    {
        _binaries = binaries;
        _cache = cache;
        _clusterKey = ShadowCacheKey.ForCluster(binaries);
    }

    public async Task<ShadowDatabase> CreateDatabaseAsync(CancellationToken cancellationToken = default) =>
        await ThrowawayShadow.CreateScratchDatabaseAsync(_cluster ??= await StartAsync(cancellationToken), cancellationToken);

    public async Task<ShadowDatabase> CreateDatabaseAsync(AppSettings app, IReadOnlyList<Migration> applied,
        CancellationToken cancellationToken = default)
    {
        if (_cluster is not null)
            return await CreateDatabaseAsync(cancellationToken);

        var key = _clusterKey.WithHistory(app, applied);
        if (await TryRestoreAsync(key, cancellationToken) is { } restored)
        {
            _cluster = restored;
            _restoredHistory = key;
            return ThrowawayShadow.Database(restored, HistoryDatabase, holdsHistory: true);
        }

        var cluster = _cluster = await StartAsync(cancellationToken);
        await cluster.CreateDatabaseAsync(HistoryDatabase, ThrowawayCluster.SupabaseTemplate, cancellationToken);
        return ThrowawayShadow.Database(cluster, HistoryDatabase,
            keepHistory: () => _cache.PublishAsync(key, destination => ClusterSnapshot.SnapshotAsync(cluster, destination, cancellationToken)));
    }

    public IReadOnlyList<string> Notes => _notes;

    public async Task DiscardRestoredHistoryAsync(string reason)
    {
        if (_restoredHistory is not { } key)
            return;
        _restoredHistory = null;
        Discarded(key, $"failed before the pending migrations ran ({reason})");
        if (_cluster is { } cluster)
        {
            _cluster = null;
            await cluster.DisposeAsync();
        }
    }

    /// <summary>
    /// Makes sure the cache holds this server's cluster with its Supabase template, building it when it is not there.
    /// </summary>
    /// <returns>Whether it was built now (false: a usable entry was there already).</returns>
    /// <exception cref="ExecutionException">The cluster was built but the cache folder would not take it.</exception>
    public async Task<bool> WarmAsync(CancellationToken cancellationToken = default)
    {
        if (_cache.Find(_clusterKey) is not null)
            return false;
        _cluster ??= await StartAsync(cancellationToken);
        // Publishing never fails a run, which then only loses time; warming exists to publish.
        return _cache.Find(_clusterKey) is not null
            ? true
            : throw new ExecutionException($"The throwaway cluster of {_binaries.Directory} could not be kept in {_cache.Folder}: is the folder writable, with room to spare?");
    }

    /// <summary>Stops the cluster, which takes every database with it.</summary>
    public ValueTask DisposeAsync() => _cluster?.DisposeAsync() ?? ValueTask.CompletedTask;

    async Task<ThrowawayCluster> StartAsync(CancellationToken cancellationToken)
    {
        if (await TryRestoreAsync(_clusterKey, cancellationToken) is { } restored)
            return restored;
        var cluster = await ThrowawayCluster.StartAsync(
            new ThrowawayClusterOptions { Binaries = _binaries, ParentDirectory = ClusterParentFolder.For(0) }, cancellationToken);
        await _cache.PublishAsync(_clusterKey, destination => ClusterSnapshot.SnapshotAsync(cluster, destination, cancellationToken));
        return cluster;
    }

    async Task<ThrowawayCluster?> TryRestoreAsync(ShadowCacheKey key, CancellationToken cancellationToken)
    {
        if (_cache.Find(key, out var damaged) is not { } snapshot)
        {
            if (damaged is not null)
                _notes.Add(Note(key, damaged));
            return null;
        }

        try
        {
            return await ThrowawayCluster.StartAsync(new ThrowawayClusterOptions
            {
                Binaries = _binaries,
                CopyDataFrom = snapshot.DataDirectory,
                ParentDirectory = ClusterParentFolder.For(snapshot.Bytes),
            }, cancellationToken);
        }
        catch (ExecutionException ex)
        {
            // A damaged entry (a disk that filled up, a file removed by hand): built again the slow way.
            Discarded(key, $"would not start ({ex.Message})");
            return null;
        }
    }

    void Discarded(ShadowCacheKey key, string why)
    {
        _cache.Discard(key);
        _notes.Add(Note(key, why));
    }

    /// <summary>A plan built after an entry was dropped says so: the reviewer and the cache's owner learn of the damage.</summary>
    static string Note(ShadowCacheKey key, string why) =>
        $"The shadow cache entry {key.EntryName} {why}: it was discarded and the shadow was built again from the migrations, so nothing of this plan comes from it.";
}
