using CiMigrate.Generation;
using CiMigrate.Planning.Catalog;
using CiMigrate.Sql;
using CiMigrate.Tests.Fixtures;
using CiMigrate.Tests.Support;
using Npgsql;

namespace CiMigrate.Tests.Generation;

/// <summary>
/// One run of <c>ci-migrate generate</c> on a repository with a history and a declared schema, and the checks a user
/// would make by hand: lint passes on what was written, and replaying it on a database of its own (not the tool's
/// shadow) gives the declared catalog, its down files the history's again.
/// </summary>
sealed class GenerateScenario : IDisposable
{
    public const string Schema = "shop";
    public const string Migrations = "supabase/migrations";

    readonly TempDirectory _repo = new();
    readonly List<string> _history = [];

    public string Root => _repo.Path;

    public void History(string version, string name, string sql)
    {
        _history.Add(sql);
        _repo.File($"{Migrations}/{version}_{name}.sql", $"SET search_path TO {Schema};\n{sql}\n");
    }

    public void Declare(string sql, string file = "schema.sql") => _repo.File($"supabase/schemas/{file}", sql);

    public static async Task<string> ShadowUrlAsync() => (await PostgresServer.GetClusterAsync()).ConnectionString();

    public async Task<CliRun> GenerateAsync(string name = "change", params string[] more) =>
        await CliRun.RunAsync(Root, ["generate", name, "--shadow-url", await ShadowUrlAsync(), .. more]);

    /// <summary>The files generate wrote, in version order: (file name, up text, down text).</summary>
    public IReadOnlyList<(string Name, string Up, string Down)> Generated() =>
    [
        .. Directory.EnumerateFiles(Path.Combine(Root, Migrations), "*.sql").Where(p => !IsHistory(p)).Order(StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), File.ReadAllText(p), File.ReadAllText(Path.Combine(Root, Migrations, "down", Path.GetFileName(p))))),
    ];

    /// <summary>Test histories are dated 2025; what generate writes is dated now.</summary>
    static bool IsHistory(string path) => Path.GetFileName(path).StartsWith("2025", StringComparison.Ordinal);

    /// <summary>ci-migrate lint on the generated up and down files.</summary>
    public async Task<CliRun> LintGeneratedAsync() =>
        await CliRun.RunAsync(Root, ["lint", .. Generated().SelectMany(g => new[] { $"{Migrations}/{g.Name}", $"{Migrations}/down/{g.Name}" })]);

    /// <summary>
    /// Replays history and the generated files on a test database, statement by statement, and returns the
    /// differences from the declared catalog (after the ups) and from the history's (after the downs).
    /// </summary>
    public async Task<(IReadOnlyList<string> Up, IReadOnlyList<string> Down)> ReplayAsync(string declaredSql)
    {
        await using var declared = await PostgresServer.CreateDatabaseAsync();
        await RunAsync(declared, DeclaredSchema.WithoutRestrictLines(declaredSql));
        await using var replay = await PostgresServer.CreateDatabaseAsync();
        foreach (var sql in _history)
            await RunAsync(replay, sql);
        var history = await DetailedCatalogReader.ReadAsync(replay.DataSource, CancellationToken.None);
        var generated = Generated();
        foreach (var file in generated)
            await RunAsync(replay, file.Up);
        var up = CatalogComparer.Compare(await DetailedCatalogReader.ReadAsync(declared.DataSource, CancellationToken.None),
            await DetailedCatalogReader.ReadAsync(replay.DataSource, CancellationToken.None), sameDatabase: false);
        foreach (var file in Enumerable.Reverse(generated))
            await RunAsync(replay, file.Down);
        var down = CatalogComparer.Compare(history, await DetailedCatalogReader.ReadAsync(replay.DataSource, CancellationToken.None), sameDatabase: false);
        return ([.. up.Select(c => $"{c.Change} {c.Object.Kind} {c.Object.QualifiedName}")], [.. down.Select(c => $"{c.Change} {c.Object.Kind} {c.Object.QualifiedName}")]);
    }

    /// <summary>Each statement on its own (as psql does without a transaction), so CONCURRENTLY runs too.</summary>
    static async Task RunAsync(TestDatabase database, string sql)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using (var path = new NpgsqlCommand($"SET search_path TO {Schema}, public, extensions", connection))
            await path.ExecuteNonQueryAsync();
        foreach (var statement in SqlScript.Parse(sql, "test.sql").Statements)
        {
            await using var command = new NpgsqlCommand(statement.Text, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    public void Dispose() => _repo.Dispose();
}
