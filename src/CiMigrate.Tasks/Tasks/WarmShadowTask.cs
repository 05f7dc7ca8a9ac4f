using System.CommandLine;
using CiMigrate.Hosting;
using CiMigrate.Shadow;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>ci-migrate warm-shadow</c>: builds the throwaway cluster with its Supabase template for every PostgreSQL server
/// installed here and keeps each in the shadow cache, so that the first <c>diff</c> copies it instead of running initdb
/// and the template. The container image runs it at build time (Dockerfile); on a laptop or a runner the first diff
/// does the same on its own. An entry holds for this build of ci-migrate, these server binaries and this Supabase
/// baseline (<see cref="ShadowCacheKey.ForCluster"/>): a changed baseline makes another entry, never a stale plan.
/// </summary>
sealed class WarmShadowTask : ITask
{
    public string Name => "warm-shadow";
    public string Description => "Build and keep the throwaway cluster and Supabase template of each installed PostgreSQL (image build)";

    /// <summary>No repository and no database: only the server binaries and the cache folder of the environment.</summary>
    public IReadOnlyList<Option> Reads => [];

    public async Task<int> RunAsync(TaskContext context)
    {
        var cache = ShadowCache.Locate(context.Environment)
            ?? throw new UsageException(
                $"There is no shadow cache to warm: set {ShadowCache.FolderVariable} to a folder (it is off, or neither HOME nor XDG_CACHE_HOME is set, or this is Windows).");
        foreach (var binaries in PostgresBinaries.Installed(context.Environment))
        {
            await using var shadow = new CachedShadow(binaries, cache);
            var built = await shadow.WarmAsync(context.CancellationToken);
            await context.Output.WriteLineAsync(
                $"{binaries.Directory}: {(built ? "built and kept" : "already kept")} in {cache.Folder}");
        }

        return ExitCodes.Ok;
    }
}
