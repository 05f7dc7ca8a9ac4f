using System.Text.Json;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Generation;

/// <summary>diff --declared on a pull request: whether the migrations reach supabase/schemas, and how they do not.</summary>
public sealed class DiffDeclaredTests
{
    [Test]
    public async Task A_declaration_changed_without_a_migration_is_listed_and_fails_the_diff()
    {
        using var scenario = new GenerateScenario();
        scenario.History("20250101000000", "base", GenerateCases.Base);
        scenario.Declare(GenerateCases.Base + "\nALTER TABLE shop.items ADD COLUMN sku text;");

        var run = await CliRun.RunAsync(scenario.Root, "diff", "--declared", "--format", "json", "--shadow-url", await GenerateScenario.ShadowUrlAsync());

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var declared = json.RootElement.GetProperty("declared").EnumerateArray()
            .Select(c => $"{c.GetProperty("change").GetString()} {c.GetProperty("kind").GetString()} {c.GetProperty("name").GetString()}");
        Assert.That(declared, Is.EqualTo(new[] { "added column sku" }));
    }

    [Test]
    public async Task Migrations_that_reach_the_declaration_say_so_in_the_plan()
    {
        // The app's schema reachable by the API roles, as the schema-api-usage rule wants of a Supabase app.
        const string Reachable = GenerateCases.Base + "\nGRANT USAGE ON SCHEMA shop TO anon, authenticated, service_role;";
        using var scenario = new GenerateScenario();
        scenario.History("20250101000000", "base", Reachable);
        scenario.Declare(Reachable);

        var run = await CliRun.RunAsync(scenario.Root, "diff", "--declared", "--shadow-url", await GenerateScenario.ShadowUrlAsync());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("Declared schema: the migrations reach supabase/schemas exactly."));
    }
}
