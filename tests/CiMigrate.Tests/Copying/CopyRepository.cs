using CiMigrate.Configuration;
using CiMigrate.Copying;
using CiMigrate.Execution;
using CiMigrate.History;
using CiMigrate.Migrations;
using CiMigrate.Tests.Fixtures;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Copying;

/// <summary>
/// A repository with the app money-tracker and two environments on two servers: <c>sandbox</c> on the suite's shared
/// server, <c>production</c> on <see cref="SecondServer"/>.
/// </summary>
sealed class CopyRepository : IAsyncDisposable
{
    public const string App = "money-tracker";
    const string MigrationsFolder = "apps/money-tracker/supabase/migrations";

    readonly TempDirectory _folder = new();

    CopyRepository(TestDatabase sandbox, TestDatabase production)
    {
        Sandbox = sandbox;
        Production = production;
        Variables = new Dictionary<string, string?>
        {
            ["SANDBOX_DATABASE_URL"] = sandbox.ConnectionString,
            ["PRODUCTION_DATABASE_URL"] = production.ConnectionString,
            // pg_dump, for a schema without migrations.
            ["PATH"] = Environment.GetEnvironmentVariable("PATH"),
        };
        _folder.File("ci-migrate.json", $$"""
            { "apps": { "{{App}}": { "schema": "money_tracker", "migrations": "{{MigrationsFolder}}" } },
              "environments": {
                "sandbox": { "databaseUrlEnv": "SANDBOX_DATABASE_URL", "notifyPostgrest": false },
                "production": { "databaseUrlEnv": "PRODUCTION_DATABASE_URL", "notifyPostgrest": false } },
              "lint": {{LenientLint.SettingsJson}} }
            """);
        _folder.Folder(MigrationsFolder);
    }

    public TestDatabase Sandbox { get; }
    public TestDatabase Production { get; }
    public Dictionary<string, string?> Variables { get; }

    public static async Task<CopyRepository> CreateAsync() =>
        new(await PostgresServer.CreateDatabaseAsync(), await SecondServer.CreateDatabaseAsync());

    public string Up(string version, string name, string sql) => _folder.File($"{MigrationsFolder}/{version}_{name}.sql", sql);

    public Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync(_folder.Path, Variables, args);

    /// <summary>The engine itself, for tests that act at one of its <see cref="CopyHooks"/>.</summary>
    public Task<CopyOutcome> CopyAsync(CopyHooks hooks, string? rename = null, bool replace = false)
    {
        var app = new AppSettings(App, "money_tracker", Path.Combine(_folder.Path, MigrationsFolder));
        var targetApp = rename is null ? app : app with { Name = rename.Replace('_', '-'), Schema = rename };
        var request = new CopyRequest
        {
            Source = new ConnectionStringTarget(Sandbox.ConnectionString),
            SourceEnvironment = new EnvironmentSettings { Name = "sandbox" },
            Target = new ConnectionStringTarget(Production.ConnectionString),
            TargetEnvironment = new EnvironmentSettings { Name = "production", NotifyPostgrest = false },
            App = app,
            TargetApp = targetApp,
            Migrations = MigrationSet.Load(app, _folder.Path),
            Provenance = new RunProvenance("production", null, null, null, null),
            Variables = Variables,
            Data = true,
            Replace = replace,
        };
        return new SchemaCopier(request, _ => { }, hooks).RunAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        await Production.DisposeAsync();
        _folder.Dispose();
    }
}
