using CiMigrate.Hosting;
using CiMigrate.Migrations;
using CiMigrate.Planning;
using CiMigrate.Planning.Catalog;

namespace CiMigrate.Generation;

/// <summary>
/// <c>ci-migrate generate</c>'s work: the history replayed on one shadow database and the declared files loaded on
/// another give two catalogs; their difference becomes migrations (<see cref="MigrationGenerator"/>); then the proof
/// on the first: history plus the new files must give the declared catalog, and their down files the history's again.
/// </summary>
public static class SchemaGenerator
{
    public static async Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        var app = request.App;
        await using var shadow = await request.StartShadow(cancellationToken);
        await using var replay = await ReplayAsync(shadow, request, cancellationToken);
        var current = await DetailedCatalogReader.ReadAsync(replay.Database.DataSource, cancellationToken);
        var (desired, problems) = await DeclaredAsync(shadow, request, cancellationToken);

        // Every schema is compared, so a declaration that reaches beyond the app's own is refused by name.
        var files = request.Review(Generate(request, current, desired, problems));
        if (files.Count == 0)
            return new GenerationResult([], [], []);

        // The proof goes on where the history was replayed: on that fresh database, the new files, then their down files.
        var (database, runner) = (replay.Database, replay.Runner!);
        var folder = Directory.CreateTempSubdirectory("ci-migrate-generate-");
        try
        {
            var generated = Write(folder.FullName, files, request.Root);
            ShadowReplay.Check(await runner.ApplyAsync(generated, alreadyApplied: false, cancellationToken), "A generated migration");
            var up = CatalogComparer.Compare(desired, await DetailedCatalogReader.ReadAsync(database.DataSource, cancellationToken), sameDatabase: false);
            ShadowReplay.Check(await runner.RollBackAsync([.. Enumerable.Reverse(generated)], cancellationToken), "A generated down file");
            var down = CatalogComparer.Compare(current, await DetailedCatalogReader.ReadAsync(database.DataSource, cancellationToken), sameDatabase: false);
            return new GenerationResult(files, up, down);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The generated files; the declaration's statements that did not load are refused with the objects that cannot be generated.</summary>
    static IReadOnlyList<GeneratedFile> Generate(GenerationRequest request, CatalogSnapshot current, CatalogSnapshot desired,
        IReadOnlyList<DeclaredProblem> problems)
    {
        IReadOnlyList<GeneratedFile> files;
        try
        {
            files = MigrationGenerator.Generate(request.App.Schema, request.Name, request.Versions, current, desired);
        }
        catch (GenerationRefusedException refused) when (problems.Count > 0)
        {
            throw new GenerationRefusedException([.. problems.Select(p => p.ToString()), .. refused.Problems]);
        }

        return problems.Count > 0 ? throw new GenerationRefusedException([.. problems.Select(p => p.ToString())]) : files;
    }

    /// <summary>
    /// Compares what the migrations give with what the files declare, as <c>diff --declared</c> shows it; the declared
    /// statements that did not load come with it, so the plan names them and compares the rest.
    /// </summary>
    public static async Task<(IReadOnlyList<SchemaChange> Changes, IReadOnlyList<DeclaredProblem> Problems)> CompareAsync(
        GenerationRequest request, CancellationToken cancellationToken)
    {
        await using var shadow = await request.StartShadow(cancellationToken);
        CatalogSnapshot current;
        await using (var replay = await ReplayAsync(shadow, request, cancellationToken))
            current = await DetailedCatalogReader.ReadAsync(replay.Database.DataSource, cancellationToken);
        var (desired, problems) = await DeclaredAsync(shadow, request, cancellationToken);
        return (CatalogComparer.Compare(current, desired, sameDatabase: false), problems);
    }

    /// <summary>The history replayed as <c>diff</c> replays it (<see cref="HistoryReplay"/>); a failure stops the run with its file:line:col.</summary>
    static async Task<HistoryReplay> ReplayAsync(IShadowDatabase shadow, GenerationRequest request, CancellationToken cancellationToken)
    {
        var replay = await HistoryReplay.StartAsync(shadow, request.App, request.History, [], _ => { }, cancellationToken);
        if (replay.Failure is not { } failure)
            return replay;
        await replay.DisposeAsync();
        throw new ExecutionException("The replay of the app's migrations fails on the shadow database, so nothing was compared: " +
            (failure.File is null ? failure.Message : $"{failure.File}:{failure.Line}:{failure.Column}: {failure.Message}"));
    }

    static async Task<(CatalogSnapshot Desired, IReadOnlyList<DeclaredProblem> Problems)> DeclaredAsync(IShadowDatabase shadow,
        GenerationRequest request, CancellationToken cancellationToken)
    {
        await using var database = await shadow.CreateDatabaseAsync(cancellationToken);
        var problems = await DeclaredSchemaLoader.LoadAsync(database.DataSource, request.App, request.Declared, cancellationToken);
        return (await DetailedCatalogReader.ReadAsync(database.DataSource, cancellationToken), problems);
    }

    static List<Migration> Write(string folder, IReadOnlyList<GeneratedFile> files, string root)
    {
        var down = Path.Combine(folder, MigrationFolderListing.DownFolderName);
        Directory.CreateDirectory(down);
        foreach (var file in files)
        {
            File.WriteAllText(Path.Combine(folder, file.FileName), file.Up);
            File.WriteAllText(Path.Combine(down, file.FileName), file.Down);
        }

        return [.. MigrationDiscovery.Discover(MigrationFolderListing.Of(folder), root)];
    }
}
