namespace CiMigrate.Tests.Generation;

/// <summary>
/// ci-migrate generate as a user runs it: for each object kind an add, a change and a drop go declared → generated,
/// and what it wrote passes lint and, replayed on a database of its own, gives the declared catalog (its down files,
/// the history's).
/// </summary>
public sealed class GenerateTaskTests
{
    [TestCaseSource(typeof(GenerateCases), nameof(GenerateCases.All))]
    public async Task Generated_migration_reaches_the_declared_schema_and_its_down_file_comes_back(string before, string after, string[] expected)
    {
        using var scenario = new GenerateScenario();
        scenario.History("20250101000000", "base", GenerateCases.Base);
        if (before.Length > 0)
            scenario.History("20250102000000", "before", before);
        var declared = GenerateCases.Base + "\n" + after;
        scenario.Declare(declared);

        var run = await scenario.GenerateAsync();

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("Proof: the migrations plus"));
        var generated = scenario.Generated();
        var text = string.Join("\n", generated.Select(g => g.Up));
        foreach (var fragment in expected)
            Assert.That(text, Does.Contain(fragment));
        Assert.That(generated.Select(g => g.Up), Has.All.Contains("SET search_path TO shop;"));
        var lint = await scenario.LintGeneratedAsync();
        Assert.That(lint.ExitCode, Is.EqualTo(0), lint.Output + lint.Error);
        var (up, down) = await scenario.ReplayAsync(declared);
        Assert.That(up, Is.Empty, "history + generated differs from the declared schema");
        Assert.That(down, Is.Empty, "after the down files the schema differs from the history's");
    }

    [Test]
    public async Task Generating_again_after_the_split_files_finds_nothing_left_to_do()
    {
        using var scenario = new GenerateScenario();
        scenario.History("20250101000000", "base", GenerateCases.Base + "CREATE TYPE shop.status AS ENUM ('new', 'done');");
        scenario.Declare(GenerateCases.Base + """
            CREATE TYPE shop.status AS ENUM ('new', 'active', 'done');
            CREATE INDEX items_name_idx ON shop.items (name);
            ALTER TABLE shop.items ADD CONSTRAINT price_positive CHECK (price > 0);
            """);

        var first = await scenario.GenerateAsync("split");
        var second = await scenario.GenerateAsync("again");

        Assert.That(first.ExitCode, Is.EqualTo(0), first.Output + first.Error);
        Assert.That(scenario.Generated().Select(g => g.Name[15..]),
            Is.EqualTo(new[] { "split_enum_values.sql", "split.sql", "split_indexes.sql", "split_validate.sql" }));
        Assert.That(second.ExitCode, Is.EqualTo(0), second.Error);
        Assert.That(second.Output, Does.Contain("the migrations already give the declared schema; nothing to generate"));
    }
}
