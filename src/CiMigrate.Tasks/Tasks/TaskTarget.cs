using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.Hosting;
using CiMigrate.Migrations;

namespace CiMigrate.Tasks;

/// <summary>
/// What a database task works on: the one app, its migrations, and the run's environment (the way in to it, the hooks
/// after DDL and the gates there). Composed here, where tasks are wired, so the executor knows neither Kubernetes nor GitHub.
/// </summary>
/// <param name="Loading">The app's migration files being read, begun by <see cref="Resolve"/>; <see cref="OpenAsync"/> connects meanwhile.</param>
sealed record TaskTarget(AppSettings App, Task<MigrationSet> Loading, DeploymentEnvironment Deployment)
{
    public EnvironmentSettings Environment => Deployment.Settings;

    /// <summary>The app's migrations; waits for the files to be read (after <see cref="OpenAsync"/>, they are).</summary>
    public MigrationSet Migrations => Loading.GetAwaiter().GetResult();

    /// <summary>The app (<c>--app</c> when several), and the environment from <c>--env</c>, else <paramref name="defaultEnvironment"/>.</summary>
    /// <param name="context">The task's context.</param>
    /// <param name="defaultEnvironment">The environment without <c>--env</c>.</param>
    /// <param name="expectedPlan">The plan hash the task was given (<c>--expect-plan</c>), which joins the environment's policy.</param>
    public static TaskTarget Resolve(TaskContext context, string? defaultEnvironment, string? expectedPlan = null)
    {
        var workspace = context.Workspace;
        var environment = workspace.Environment(defaultEnvironment);
        var app = workspace.App;
        // Read on the thread pool while the session connects (OpenAsync); the skipped files are still named before
        // anything of the session is, since it waits for this before the lock.
        var loading = Task.Run(() =>
        {
            var migrations = workspace.LoadMigrations(app);
            foreach (var skipped in migrations.Skipped)
                context.Error.WriteLine(skipped);
            return migrations;
        });
        try
        {
            return new TaskTarget(app, loading, Environments.Of(context, environment) with { ExpectedPlan = expectedPlan });
        }
        catch
        {
            // A bad file is named before a bad target, as when the files were read first.
            _ = loading.GetAwaiter().GetResult();
            throw;
        }
    }

    public Task<MigrationSession> OpenAsync(SessionMode mode, ExecutionLog log, CancellationToken cancellationToken) =>
        MigrationSession.OpenAlongsideAsync(Loading, Deployment.Database, App, Environment, mode, log, cancellationToken);
}
