using CiMigrate.Configuration;
using CiMigrate.Migrations;

namespace CiMigrate.Planning;

/// <summary>
/// Where diff replays migrations: a server that hands out fresh databases with the Supabase baseline applied.
/// Implementations: ThrowawayShadow (a local throwaway cluster), CachedShadow (the same, started from a ShadowCache
/// snapshot: diff's default) and ExistingServerShadow (scratch databases on a server the user names). Disposing it
/// drops every database it handed out.
/// </summary>
public interface IShadowDatabase : IAsyncDisposable
{
    /// <summary>A new database with the Supabase baseline and nothing else; dropped when disposed.</summary>
    Task<ShadowDatabase> CreateDatabaseAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A new database to replay <paramref name="applied"/> of <paramref name="app"/> on, then the pending migrations. A
    /// shadow with a cache may hand it out with them replayed already (<see cref="ShadowDatabase.HoldsHistory"/>); the
    /// others hand out a database with the baseline only.
    /// </summary>
    Task<ShadowDatabase> CreateDatabaseAsync(AppSettings app, IReadOnlyList<Migration> applied, CancellationToken cancellationToken = default) =>
        CreateDatabaseAsync(cancellationToken);

    /// <summary>
    /// The history handed out as restored (<see cref="ShadowDatabase.HoldsHistory"/>) failed before the pending migrations
    /// ran: a shadow with a cache drops that entry and its cluster, so that the next
    /// <see cref="CreateDatabaseAsync(AppSettings, IReadOnlyList{Migration}, CancellationToken)"/> builds it the slow way.
    /// </summary>
    Task DiscardRestoredHistoryAsync(string reason) => Task.CompletedTask;

    /// <summary>What the plan must say about where the shadow's state came from (a cache entry dropped and rebuilt).</summary>
    IReadOnlyList<string> Notes => [];
}
