using System.CommandLine;
using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.Hosting;
using CiMigrate.Planning;
using CiMigrate.Shadow;

namespace CiMigrate.Tasks;

/// <summary>
/// Which shadow <c>diff</c> replays on: <c>--shadow-url</c>; else a scratch database on an environment's server
/// (<c>--shadow-env &lt;name&gt;</c>, or the target environment's <c>shadow: "scratch"</c>), reached as apply reaches it,
/// Kubernetes port-forward included; else the throwaway cluster, of the target's major version where its binaries are here.
/// </summary>
public static class ShadowChoice
{
    public static readonly Option<string?> ShadowEnvOption = new("--shadow-env")
    {
        Description = "Replay on a scratch database on this environment's server (its own extensions and version), dropped afterwards",
    };

    /// <param name="context">The task's context (options, settings, secrets).</param>
    /// <param name="target">The run's environment diff plans against, if any.</param>
    /// <param name="targetMajor">The target server's major version, if connected.</param>
    /// <param name="cancellationToken">Cancels the start; a scratch database made so far is still dropped.</param>
    public static async Task<IShadowDatabase> StartAsync(TaskContext context, DeploymentEnvironment? target, int? targetMajor,
        CancellationToken cancellationToken)
    {
        if (context.Get(DiffTask.ShadowUrlOption) is { } url)
            return new ExistingServerShadow(DatabaseUrl.ToConnectionString(url, context.Secrets));

        // Another environment named here is reached through its own settings, never the run's --database-url.
        var scratchOn = context.Get(ShadowEnvOption) is { } name
            ? Environments.Named(context, name)
            : target is { Settings.Shadow: ShadowKind.Scratch } ? target : null;
        if (scratchOn is not null)
            return await ExistingServerShadow.OpenAsync(scratchOn.Database, cancellationToken);

        var binaries = PostgresBinaries.Find(context.Environment, targetMajor);
        return ShadowCache.Locate(context.Environment) is { } cache
            ? new CachedShadow(binaries, cache)
            : await ThrowawayShadow.StartAsync(binaries, cancellationToken);
    }
}
