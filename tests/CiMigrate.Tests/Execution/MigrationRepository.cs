using CiMigrate.Tests.Fixtures;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Execution;

/// <summary>
/// A repository with one or two apps and the environments staging and production, each on its own database of
/// the throwaway cluster (connection strings in STAGING_DATABASE_URL and PRODUCTION_DATABASE_URL).
/// </summary>
sealed class MigrationRepository : IAsyncDisposable
{
    readonly TempDirectory _folder = new();
    readonly Dictionary<string, string> _environmentSettings = new()
    {
        ["staging"] = """{ "databaseUrlEnv": "STAGING_DATABASE_URL", "lockWait": "5s" }""",
        ["production"] = """{ "databaseUrlEnv": "PRODUCTION_DATABASE_URL", "requires": "staging", "lockWait": "5s" }""",
    };

    MigrationRepository(TestDatabase staging, TestDatabase production)
    {
        Staging = staging;
        Production = production;
        Variables = new Dictionary<string, string?>
        {
            ["STAGING_DATABASE_URL"] = staging.ConnectionString,
            ["PRODUCTION_DATABASE_URL"] = production.ConnectionString,
        };
    }

    public TestDatabase Staging { get; }
    public TestDatabase Production { get; }
    public string Root => _folder.Path;

    /// <summary>The <c>lint</c> settings object: every rule a warning (<see cref="LenientLint"/>); null: the defaults, as a user gets them.</summary>
    public string? LintSettings { get; set; } = LenientLint.SettingsJson;

    /// <summary>More keys of an app's settings object, as JSON members (<c>"role": "x"</c>), by app folder name.</summary>
    public Dictionary<string, string> AppSettings { get; } = [];

    /// <summary>The process environment the tool sees; tests add GitHub variables here.</summary>
    public Dictionary<string, string?> Variables { get; }

    public static async Task<MigrationRepository> CreateAsync() =>
        new(await PostgresServer.CreateDatabaseAsync(), await PostgresServer.CreateDatabaseAsync());

    /// <summary>Replaces an environment's settings object (JSON).</summary>
    public void Environment(string name, string json) => _environmentSettings[name] = json;

    public string Up(string version, string name, string sql, string app = "money-tracker") =>
        _folder.File($"apps/{app}/supabase/migrations/{version}_{name}.sql", sql);

    public string Down(string version, string name, string sql, string app = "money-tracker") =>
        _folder.File($"apps/{app}/supabase/migrations/down/{version}_{name}.sql", sql);

    public string PathOf(string relative) => System.IO.Path.Combine(Root, relative);

    public async Task<CliRun> RunAsync(params string[] args)
    {
        WriteSettings();
        return await CliRun.RunAsync(Root, Variables, args);
    }

    /// <summary>Writes ci-migrate.json for the apps and environments so far (RunAsync does it before each run).</summary>
    public void WriteSettings()
    {
        var apps = Directory.Exists(PathOf("apps")) ? Directory.GetDirectories(PathOf("apps")).Select(System.IO.Path.GetFileName) : [];
        var appJson = string.Join(", ", apps.Select(app =>
            $$"""  "{{app}}": { "schema": "{{app!.Replace('-', '_')}}", "migrations": "apps/{{app}}/supabase/migrations"{{(AppSettings.TryGetValue(app, out var more) ? ", " + more : "")}} }"""));
        var environmentJson = string.Join(", ", _environmentSettings.Select(e => $"\"{e.Key}\": {e.Value}"));
        var lintJson = LintSettings is null ? "" : $", \"lint\": {LintSettings}";
        _folder.File("ci-migrate.json", $$"""{ "apps": { {{appJson}} }, "environments": { {{environmentJson}} }{{lintJson}} }""");
    }

    public async ValueTask DisposeAsync()
    {
        await Staging.DisposeAsync();
        await Production.DisposeAsync();
        _folder.Dispose();
    }
}
