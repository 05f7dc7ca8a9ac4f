using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.Hosting;
using CiMigrate.Migrations;

namespace CiMigrate.Tasks;

/// <summary>
/// What a database task works on: the one app, its migrations, the environment, the way in to it, and the hooks after
/// DDL there. Composed here, where tasks are wired, so the executor knows neither Kubernetes nor GitHub.
/// </summary>
sealed record TaskTarget(AppSettings App, MigrationSet Migrations, EnvironmentSettings Environment, IDatabaseTarget Database,
    IReadOnlyList<IAfterApplyHook> AfterApply)
{
    /// <summary>The app (<c>--app</c> when several), and the environment from <c>--env</c>, else <paramref name="defaultEnvironment"/>.</summary>
    public static TaskTarget Resolve(TaskContext context, string? defaultEnvironment)
    {
        var workspace = context.Workspace;
        var environment = workspace.Environment(workspace.Settings.Env ?? defaultEnvironment);
        var app = workspace.App;
        var migrations = workspace.LoadMigrations(app);
        foreach (var skipped in migrations.Skipped)
            context.Error.WriteLine(skipped);
        return new TaskTarget(app, migrations, environment, DatabaseTargets.For(environment, context),
            DatabaseTargets.AfterApply(environment, context));
    }

    public Task<MigrationSession> OpenAsync(SessionMode mode, ExecutionLog log, CancellationToken cancellationToken) =>
        MigrationSession.OpenAsync(Database, App, Environment, mode, log, cancellationToken);
}
