using System.Reflection;
using System.Xml.Linq;
using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.Architecture;

/// <summary>
/// The projects of src/ reference only the ones below them, and inside each project the compiled types and the
/// <c>using CiMigrate.*</c> lines follow <see cref="Layers.Projects"/>, so the shape stays.
/// </summary>
sealed class LayerTests
{
    static Assembly AssemblyOf(Layers.Project project) => Assembly.Load(new AssemblyName(project.Assembly));

    static string ProjectFolder(Layers.Project project) => TestRepository.Combine("src", project.Name);

    static IEnumerable<(string Path, string Text)> SourceFiles(Layers.Project project) =>
        Directory.EnumerateFiles(ProjectFolder(project), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => (Path.GetRelativePath(TestRepository.Root, path).Replace('\\', '/'), File.ReadAllText(path)));

    [Test]
    public void Every_project_of_src_has_a_place_in_the_table()
    {
        var folders = Directory.EnumerateFiles(TestRepository.Combine("src"), "*.csproj", SearchOption.AllDirectories)
            .Select(path => Path.GetFileNameWithoutExtension(path)).Order(StringComparer.Ordinal);

        Assert.That(folders, Is.EqualTo(Layers.Projects.Select(p => p.Name).Order(StringComparer.Ordinal)));
    }

    [Test]
    public void Each_project_references_only_the_projects_below_it()
    {
        var wrong = new List<string>();
        foreach (var (project, index) in Layers.Projects.Select((p, i) => (p, i)))
        {
            var file = Path.Combine(ProjectFolder(project), project.Name + ".csproj");
            var references = XDocument.Load(file).Descendants("ProjectReference")
                .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value));
            wrong.AddRange(references
                .Where(name => Array.FindIndex(Layers.Projects, p => p.Name == name) is var at && (at < 0 || at >= index))
                .Select(name => $"{project.Name} references {name}, which is not below it"));
        }

        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void Each_compiled_assembly_references_only_the_assemblies_below_it()
    {
        var wrong = Layers.Projects
            .SelectMany(project => AssemblyOf(project).GetReferencedAssemblies()
                .Where(reference => Layers.IndexOf(reference.Name!) >= Layers.IndexOf(project.Assembly))
                .Select(reference => $"{project.Assembly} references {reference.Name}"));

        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void Compiled_types_use_only_the_layers_below_their_own()
    {
        var violations = Layers.Projects
            .SelectMany(project => Layers.Check(TypeUses.Of(AssemblyOf(project)), assembly => Layers.IndexOf(assembly) >= 0 ? Layers.ProjectOf(assembly) : null))
            .Select(v => v.ToString()).Distinct().Order(StringComparer.Ordinal);

        Assert.That(violations, Is.Empty, "Uses against the layer order (tests/CiMigrate.Tests/Architecture/Layers.cs):");
    }

    [Test]
    public void Using_lines_of_src_follow_the_order()
    {
        var violations = Layers.Projects.SelectMany(project => Layers.CheckUsings(project, SourceFiles(project))).Select(v => v.ToString());

        Assert.That(violations, Is.Empty, "Uses against the layer order (tests/CiMigrate.Tests/Architecture/Layers.cs):");
    }

    [Test]
    public void Every_namespace_of_a_project_has_a_place_in_its_table()
    {
        var missing = Layers.Projects.SelectMany(project => AssemblyOf(project).GetTypes()
            .Select(type => Layers.LayerName(type.Namespace ?? "", "CiMigrate")).OfType<string>().Distinct()
            .Where(name => !project.Has(name))
            .Select(name => $"{project.Name}: CiMigrate.{name}"));

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void A_qualified_name_against_the_order_is_found_in_the_compiled_code()
    {
        const string root = "CiMigrate.Tests.Architecture.Probe";
        var probe = new Layers.Project("probe", typeof(LayerTests).Assembly.GetName().Name!, [["Low"], ["High"]], []);

        var violations = Layers.Check(TypeUses.Of(typeof(LayerTests).Assembly), assembly => assembly == probe.Assembly ? probe : null, root).ToList();

        Assert.That(violations, Is.EqualTo(new[]
        {
            new Layers.Violation($"{root}.Low.LowCaller", "Low", $"High ({root}.High.HighCallee)", "above it in probe"),
        }));
    }

    [Test]
    public void The_core_uses_nothing_of_the_projects_above_it()
    {
        var core = Layers.Projects[0];
        var above = Layers.Projects.Skip(1).Select(p => p.Assembly).ToHashSet();

        var uses = TypeUses.Of(AssemblyOf(core)).Where(use => above.Contains(use.To.Assembly)).Select(use => $"{use.From} uses {use.To}");

        Assert.That(uses, Is.Empty);
        Assert.That(TypeUses.Of(AssemblyOf(core)).Count(use => use.To.Assembly == core.Assembly), Is.GreaterThan(100),
            "the reader finds the core's uses of its own types");
    }

    [TestCase("namespace CiMigrate.Sql;\n", "using CiMigrate.Reporting;\n", "Sql", "Reporting", "above it in CiMigrate.Core")]
    [TestCase("namespace CiMigrate.Reporting;\n", "using CiMigrate.Tasks;\n", "Reporting", "Tasks", "in no project below CiMigrate.Core")]
    [TestCase("namespace CiMigrate.Lint.Rules;\n", "using CiMigrate.Planning;\n", "Lint", "Planning", "beside it in CiMigrate.Core (not a listed sideways use)")]
    [TestCase("namespace CiMigrate.Diagnostics;\n", "global using Alias = CiMigrate.Configuration;\n", "Diagnostics", "Configuration", "above it in CiMigrate.Core")]
    public void A_forbidden_using_is_reported_with_its_file_and_line(string namespaceLine, string usingLine, string from, string to, string why)
    {
        var source = "using System.Text;\n" + usingLine + "\n" + namespaceLine + "\nsealed class Probe;\n";

        var violations = Layers.CheckUsings(Layers.Projects[0], [("src/CiMigrate.Core/Probe.cs", source)]).ToList();

        Assert.That(violations, Is.EqualTo(new[] { new Layers.Violation("src/CiMigrate.Core/Probe.cs:2", from, to, why) }));
    }

    [Test]
    public void Uses_of_lower_layers_listed_sideways_uses_and_lower_projects_pass()
    {
        var planning = "using CiMigrate.Execution;\nusing CiMigrate.History;\nusing CiMigrate.Sql;\nusing CiMigrate.Diagnostics;\n\n" +
                       "namespace CiMigrate.Planning;\n";
        var doctor = "using CiMigrate.Kubernetes;\nusing CiMigrate.Reporting;\nusing CiMigrate.Hosting;\n\nnamespace CiMigrate.Doctor;\n";

        Assert.That(Layers.CheckUsings(Layers.Projects[0], [("src/CiMigrate.Core/Planning/Probe.cs", planning)]), Is.Empty);
        Assert.That(Layers.CheckUsings(Layers.Projects[1], [("src/CiMigrate.Adapters/Doctor/Probe.cs", doctor)]), Is.Empty);
    }
}
