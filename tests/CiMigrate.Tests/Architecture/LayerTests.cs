using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.Architecture;

/// <summary>The <c>using CiMigrate.*</c> lines of src/ follow <see cref="Layers.Order"/>, so the shape stays.</summary>
sealed class LayerTests
{
    /// <summary>
    /// Uses against the order that are known and on their way out; each names who removes it. The test fails when one
    /// of them is gone too, so the list only ever shrinks: delete the line then.
    /// </summary>
    static readonly (string From, string To, string Why)[] Known =
    [
        // Not yet removed (docs/architecture.md, "Known exceptions"): loading the workspace (settings from the global
        // flags, zero-config schema read from the migration files) and the task context that holds it sit in the low
        // Configuration and Hosting namespaces; they belong in a layer above Migrations.
        ("Configuration", "Cli", "SettingsLoader and Workspace take GlobalOptions"),
        ("Configuration", "Migrations", "SchemaInference reads migration files; Workspace.LoadMigrations"),
        ("Hosting", "Cli", "TaskContext holds GlobalOptions"),
        ("Hosting", "Configuration", "TaskContext holds the Workspace"),
    ];

    static IEnumerable<(string Path, string Text)> SourceFiles()
    {
        var src = TestRepository.Combine("src", "CiMigrate");
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => (Path.GetRelativePath(TestRepository.Root, path).Replace('\\', '/'), File.ReadAllText(path)));
    }

    [Test]
    public void Src_uses_only_layers_below_its_own()
    {
        var violations = Layers.Check(SourceFiles()).ToList();
        var unknown = violations.Where(v => !Known.Any(k => (k.From, k.To) == (v.From, v.To))).Select(v => v.ToString());
        Assert.That(unknown, Is.Empty, "Uses against the layer order (tests/CiMigrate.Tests/Architecture/Layers.cs):");
    }

    [Test]
    public void Known_exceptions_still_exist_so_the_list_only_shrinks()
    {
        var violations = Layers.Check(SourceFiles()).Select(v => (v.From, v.To)).ToHashSet();
        var gone = Known.Where(k => !violations.Contains((k.From, k.To))).Select(k => $"{k.From} -> {k.To} ({k.Why})");
        Assert.That(gone, Is.Empty, "These known exceptions no longer occur: delete them from LayerTests.Known.");
    }

    [Test]
    public void Every_namespace_of_src_has_a_place_in_the_table()
    {
        var namespaces = SourceFiles().Select(f => Layers.NamespaceOf(f.Text)).OfType<string>().Distinct().ToList();
        Assert.That(namespaces, Has.Count.GreaterThan(10));
        Assert.That(namespaces.Where(n => !Layers.Order.Any(layer => layer.Contains(n))), Is.Empty);
    }

    [TestCase("namespace CiMigrate.Sql;\n", "using CiMigrate.Tasks;\n", "Sql", "Tasks")]
    [TestCase("namespace CiMigrate.Reporting;\n", "using CiMigrate.GitHub;\n", "Reporting", "GitHub")]
    [TestCase("namespace CiMigrate.Lint.Rules;\n", "using CiMigrate.Planning;\n", "Lint", "Planning")]
    [TestCase("namespace CiMigrate.Configuration;\n", "global using CiMigrate.Cli;\n", "Configuration", "Cli")]
    public void A_forbidden_using_is_reported_with_its_file_and_line(string namespaceLine, string usingLine, string from, string to)
    {
        var source = "using System.Text;\n" + usingLine + "\n" + namespaceLine + "\nsealed class Probe;\n";

        var violations = Layers.Check([("src/CiMigrate/Probe.cs", source)]).ToList();

        Assert.That(violations, Is.EqualTo(new[] { new Layers.Violation("src/CiMigrate/Probe.cs", 2, from, to) }));
        Assert.That(violations[0].ToString(), Does.StartWith($"src/CiMigrate/Probe.cs:2: {from} uses {to}, which sits"));
    }

    [Test]
    public void Uses_of_lower_layers_and_listed_sideways_uses_pass()
    {
        var source = "using CiMigrate.Execution;\nusing CiMigrate.History;\nusing CiMigrate.Sql;\nusing CiMigrate.Diagnostics;\n\n" +
                     "namespace CiMigrate.Planning;\n";

        Assert.That(Layers.Check([("src/CiMigrate/Planning/Probe.cs", source)]), Is.Empty);
    }
}
