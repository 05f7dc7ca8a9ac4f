namespace CiMigrate.Planning;

/// <summary>
/// Where diff replays migrations: a server that hands out fresh databases with the Supabase baseline applied.
/// Implementations: ThrowawayShadow (a local throwaway cluster, the default) and
/// ExistingServerShadow (scratch databases on a server the user names). Disposing it drops every
/// database it handed out.
/// </summary>
public interface IShadowDatabase : IAsyncDisposable
{
    /// <summary>A new database with the Supabase baseline and nothing else; dropped when disposed.</summary>
    Task<ShadowDatabase> CreateDatabaseAsync(CancellationToken cancellationToken = default);
}
