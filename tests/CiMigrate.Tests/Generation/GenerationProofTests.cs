using CiMigrate.Configuration;
using CiMigrate.Generation;
using CiMigrate.Migrations;
using CiMigrate.Planning;
using CiMigrate.Shadow;
using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.Generation;

/// <summary>The proof catches generated files that do not reach the declared schema, or whose down files do not come back.</summary>
public sealed class GenerationProofTests
{
    [Test]
    public async Task Files_that_miss_the_declared_schema_or_do_not_roll_back_are_not_proven()
    {
        using var scenario = new GenerateScenario();
        scenario.History("20250101000000", "base", GenerateCases.Base);
        scenario.Declare(GenerateCases.Base + "\nALTER TABLE shop.items ADD COLUMN sku text;\nCREATE INDEX items_name_idx ON shop.items (name);");
        var app = new AppSettings("shop", GenerateScenario.Schema, Path.Combine(scenario.Root, GenerateScenario.Migrations));
        var url = await GenerateScenario.ShadowUrlAsync();

        // A reviewer that drops the index from the up file and the column drop from its down file: what a generator bug would do.
        var result = await SchemaGenerator.GenerateAsync(new GenerationRequest
        {
            App = app,
            Name = "tampered",
            History = MigrationSet.Load(app, scenario.Root).Migrations,
            Declared = DeclaredSchema.Load(Path.Combine(scenario.Root, "supabase/schemas"), scenario.Root),
            StartShadow = _ => Task.FromResult<IShadowDatabase>(new ExistingServerShadow(url)),
            Versions = ["20260101000000", "20260101000001", "20260101000002", "20260101000003"],
            Root = scenario.Root,
            Review = files =>
            [
                .. files.Select(f => f with
                {
                    Up = f.Up.Replace("CREATE INDEX CONCURRENTLY IF NOT EXISTS items_name_idx", "SELECT 1; -- ", StringComparison.Ordinal),
                    Down = f.Down.Replace("DROP COLUMN IF EXISTS sku", "ALTER COLUMN sku SET DEFAULT 'x'", StringComparison.Ordinal),
                }),
            ],
        }, CancellationToken.None);

        Assert.That(result.Proven, Is.False);
        Assert.That(result.UpDifferences.Select(Describe), Is.EqualTo(new[] { "Removed Index shop.items.items_name_idx" }));
        Assert.That(result.DownDifferences.Select(Describe), Is.EqualTo(new[] { "Added Column shop.items.sku" }));
    }

    static string Describe(SchemaChange change) => $"{change.Change} {change.Object.Kind} {change.Object.QualifiedName}";
}
