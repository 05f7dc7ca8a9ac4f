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
        await using var database = await shadow.CreateDatabaseAsync(cancellationToken);
        await using var runner = await ShadowMigrationRunner.OpenAsync(database.ConnectionString, app, cancellationToken);
        ShadowReplay.Check(await runner.ApplyAsync(request.History, alreadyApplied: true, cancellationToken), "The replay of the app's migrations");
        var current = await DetailedCatalogReader.ReadAsync(database.DataSource, cancellationToken);
        var desired = await DeclaredAsync(shadow, request, cancellationToken);

        // Every schema is compared, so a declaration that reaches beyond the app's own is refused by name.
        var files = request.Review(MigrationGenerator.Generate(app.Schema, request.Name, request.Versions, current, desired));
        if (files.Count == 0)
            return new GenerationResult([], [], []);

        // The proof goes on where the history was replayed: on that fresh database, the new files, then their down files.
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

    /// <summary>Compares what the migrations give with what the files declare, as <c>diff --declared</c> shows it.</summary>
    public static async Task<IReadOnlyList<SchemaChange>> CompareAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        await using var shadow = await request.StartShadow(cancellationToken);
        var current = await ReplayAsync(shadow, request, cancellationToken);
        var desired = await DeclaredAsync(shadow, request, cancellationToken);
        return CatalogComparer.Compare(current, desired, sameDatabase: false);
    }

    static async Task<CatalogSnapshot> ReplayAsync(IShadowDatabase shadow, GenerationRequest request, CancellationToken cancellationToken)
    {
        await using var database = await shadow.CreateDatabaseAsync(cancellationToken);
        await using (var runner = await ShadowMigrationRunner.OpenAsync(database.ConnectionString, request.App, cancellationToken))
            ShadowReplay.Check(await runner.ApplyAsync(request.History, alreadyApplied: true, cancellationToken), "The replay of the app's migrations");
        return await DetailedCatalogReader.ReadAsync(database.DataSource, cancellationToken);
    }

    static async Task<CatalogSnapshot> DeclaredAsync(IShadowDatabase shadow, GenerationRequest request, CancellationToken cancellationToken)
    {
        await using var database = await shadow.CreateDatabaseAsync(cancellationToken);
        await DeclaredSchemaLoader.LoadAsync(database.DataSource, request.App, request.Declared, cancellationToken);
        return await DetailedCatalogReader.ReadAsync(database.DataSource, cancellationToken);
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
