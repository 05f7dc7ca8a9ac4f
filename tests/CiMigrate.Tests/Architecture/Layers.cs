using System.Text.RegularExpressions;

namespace CiMigrate.Tests.Architecture;

/// <summary>
/// The layers of src/ (docs/architecture.md), bottom first. Between projects the compiler holds the order: each project
/// references only the ones below it, so a use of a higher one does not build. Inside a project, a namespace may use
/// the namespaces of the layers below its own, and within its layer only the ones listed as sideways; a project's
/// namespaces may also use every namespace of the projects below. <c>CiMigrate</c> is the root namespace: the errors
/// every layer throws in CiMigrate.Core, <c>Program</c> in CiMigrate.
/// </summary>
static partial class Layers
{
    /// <summary>A project of src/, its assembly, and the order of its namespaces.</summary>
    public sealed record Project(string Name, string Assembly, string[][] Order, (string From, string To)[] Sideways)
    {
        public int LayerOf(string name)
        {
            var index = Array.FindIndex(Order, layer => layer.Contains(name));
            return index >= 0 ? index : throw new ArgumentException($"The namespace {Qualified(name)} is not in the layer table of {Name}.");
        }

        public bool Has(string name) => Order.Any(layer => layer.Contains(name));

        public bool Allows(string from, string to) => from == to || LayerOf(to) < LayerOf(from) || Sideways.Contains((from, to));

        public string Where(string from, string to) =>
            LayerOf(to) > LayerOf(from) ? $"above it in {Name}" : $"beside it in {Name} (not a listed sideways use)";
    }

    public static readonly Project[] Projects =
    [
        new("CiMigrate.Core", "CiMigrate.Core",
        [
            // The errors every layer throws (UsageException: exit 2, ExecutionException: exit 3); the secret masker.
            ["CiMigrate", "Secrets"],
            // Exit codes and the files a run writes as the workspace's owner.
            ["Hosting"],
            // The lexer and parsed scripts: every structural fact about a file and its statements.
            ["Sql"],
            // The one diagnostic model (findings, hazards, fixes, which edit statements).
            ["Diagnostics"],
            // Settings records: apps, environments, lint severities.
            ["Configuration"],
            ["Migrations"],
            ["Lint", "Planning", "Execution", "History"],
            // copy-schema's engine: it opens sessions (Execution), replays history (History) and renames (Sql).
            ["Copying"],
            // Schema as code: migrations written from the difference the planner's catalog finds, proven by its replay.
            ["Generation"],
            // Every renderer, and the report models they read.
            ["Reporting"],
        ],
        [
            // The planner reads the history and dry-runs through the executor.
            ("Planning", "Execution"),
            ("Planning", "History"),
            ("Execution", "History"),
        ]),
        new("CiMigrate.Adapters", "CiMigrate.Adapters",
        [
            // The throwaway PostgreSQL server (the planner's IShadowDatabase), GitHub's API, the Kubernetes API.
            ["Shadow", "GitHub", "Kubernetes"],
            // Checks of a database and a cluster: it reads through the Kubernetes adapter.
            ["Doctor"],
        ], []),
        new("CiMigrate.Tasks", "CiMigrate.Tasks",
        [
            // The global flags.
            ["Cli"],
            // The workspace loader: settings from ci-migrate.json, environment variables, action inputs and the flags.
            ["Configuration"],
            // Which files lint reads (the loader's app names and inferred schemas); the task contract and host.
            ["Lint", "Hosting"],
            ["Tasks"],
        ], []),
        new("CiMigrate", "ci-migrate",
        [
            // System.CommandLine: commands, help, exit codes.
            ["Cli"],
            ["CiMigrate"],
        ], []),
    ];

    public static Project ProjectOf(string assembly) =>
        Projects.SingleOrDefault(p => p.Assembly == assembly) ?? throw new ArgumentException($"{assembly} is not a project of the layer table.");

    /// <summary>The index of a project in <see cref="Projects"/>, bottom first; -1 for an assembly that is not ours.</summary>
    public static int IndexOf(string assembly) => Array.FindIndex(Projects, p => p.Assembly == assembly);

    /// <summary>A use against the order: in a file (a <c>using</c> line) or in a compiled type.</summary>
    public sealed record Violation(string Where, string From, string To, string Why)
    {
        public override string ToString() => $"{Where}: {From} uses {To}, which sits {Why}";
    }

    /// <summary>
    /// Uses of types of this product that go against the order, read from compiled assemblies: a type of namespace
    /// <c>From</c> using a type of a higher (or unlisted sideways) namespace of its own project, or of a higher project.
    /// <paramref name="root"/> is the namespace the layer names hang from (<c>CiMigrate</c>).
    /// </summary>
    public static IEnumerable<Violation> Check(IEnumerable<TypeUses.Use> uses, Func<string, Project?> projectOf, string root = "CiMigrate")
    {
        foreach (var (from, to) in uses)
        {
            var fromLayer = LayerName(from.Namespace, root);
            var toLayer = LayerName(to.Namespace, root);
            if (fromLayer is null || toLayer is null || projectOf(from.Assembly) is not { } project)
                continue;
            if (to.Assembly == from.Assembly)
            {
                if (!project.Allows(fromLayer, toLayer))
                    yield return new Violation(from.ToString(), fromLayer, $"{toLayer} ({to})", project.Where(fromLayer, toLayer));
            }
            else if (projectOf(to.Assembly) is { } other && Array.IndexOf(Projects, other) > Array.IndexOf(Projects, project))
            {
                yield return new Violation(from.ToString(), fromLayer, $"{toLayer} ({to})", $"in {other.Name}, not below {project.Name}");
            }
        }
    }

    /// <summary>Each <c>using CiMigrate.X</c> of a project's files that goes against the order.</summary>
    public static IEnumerable<Violation> CheckUsings(Project project, IEnumerable<(string Path, string Text)> files)
    {
        var below = Projects.TakeWhile(p => p != project).ToList();
        foreach (var (path, text) in files)
        {
            var from = NamespaceOf(text);
            if (from is null)
                continue;
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var match = UsingLine().Match(lines[i]);
                if (!match.Success)
                    continue;
                var to = match.Groups[1].Value;
                // A namespace that a lower project holds is the compiler's to check: which of its types the file
                // means, only the compiled use says.
                if (below.Any(p => p.Has(to)))
                    continue;
                if (!project.Has(to))
                    yield return new Violation($"{path}:{i + 1}", from, to, $"in no project below {project.Name}");
                else if (!project.Allows(from, to))
                    yield return new Violation($"{path}:{i + 1}", from, to, project.Where(from, to));
            }
        }
    }

    /// <summary>The layer namespace of a file: <c>CiMigrate.Execution.Events</c> belongs to <c>Execution</c>.</summary>
    public static string? NamespaceOf(string text)
    {
        var match = NamespaceLine().Match(text);
        return match.Success ? match.Groups[1].Success && match.Groups[1].Value.Length > 0 ? match.Groups[1].Value : "CiMigrate" : null;
    }

    /// <summary>The layer of a namespace under <paramref name="root"/>: <c>CiMigrate.Lint.Rules</c> is <c>Lint</c>; null outside it.</summary>
    public static string? LayerName(string @namespace, string root)
    {
        if (@namespace == root)
            return "CiMigrate";
        if (!@namespace.StartsWith(root + ".", StringComparison.Ordinal))
            return null;
        var rest = @namespace[(root.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    static string Qualified(string name) => name == "CiMigrate" ? "CiMigrate" : $"CiMigrate.{name}";

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?CiMigrate\.(\w+)")]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"^namespace\s+CiMigrate(?:\.(\w+))?", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
