using System.Text.RegularExpressions;

namespace CiMigrate.Tests.Architecture;

/// <summary>
/// The layers of src/CiMigrate, bottom first: a namespace may use the namespaces of the layers below its own, and
/// within its layer only the ones listed as <see cref="Sideways"/>. <c>CiMigrate</c> alone is Program.cs.
/// </summary>
static partial class Layers
{
    public static readonly string[][] Order =
    [
        // The one diagnostic model (findings and hazards); the secret masker every writer and settings reader uses.
        ["Diagnostics", "Secrets"],
        // Exit codes, the three error types every layer throws, and the task contract (ITask, TaskContext, TaskHost).
        ["Hosting"],
        ["Sql"],
        // Settings: ci-migrate.json, environment variables, action inputs and flags.
        ["Configuration"],
        ["Migrations"],
        ["Lint", "Planning", "Execution", "History"],
        // copy-schema's engine: it opens sessions (Execution), replays history (History) and renames (Sql).
        ["Copying"],
        // Schema as code: migrations written from the difference the planner's catalog finds, proven by its replay.
        ["Generation"],
        ["Reporting"],
        // Adapters to the outside: GitHub's API, the Kubernetes API, the throwaway PostgreSQL server (which implements
        // the planner's IShadowDatabase).
        ["GitHub", "Kubernetes", "Shadow"],
        // Checks of a database and a cluster: it reads through the Kubernetes adapter.
        ["Doctor"],
        ["Tasks"],
        ["Cli"],
        ["CiMigrate"],
    ];

    /// <summary>Uses inside one layer: the planner reads the history and dry-runs through the executor.</summary>
    public static readonly (string From, string To)[] Sideways =
    [
        ("Planning", "Execution"),
        ("Planning", "History"),
        ("Execution", "History"),
    ];

    public sealed record Violation(string File, int Line, string From, string To)
    {
        public override string ToString() => $"{File}:{Line}: {From} uses {To}, which sits {Where(From, To)}";
    }

    /// <summary>Each <c>using CiMigrate.X</c> of each file that goes against the order.</summary>
    public static IEnumerable<Violation> Check(IEnumerable<(string Path, string Text)> files)
    {
        foreach (var (path, text) in files)
        {
            var from = NamespaceOf(text);
            if (from is null)
                continue;
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var match = UsingLine().Match(lines[i]);
                if (match.Success && !Allowed(from, match.Groups[1].Value))
                    yield return new Violation(path, i + 1, from, match.Groups[1].Value);
            }
        }
    }

    /// <summary>The layer namespace of a file: <c>CiMigrate.Execution.Events</c> belongs to <c>Execution</c>.</summary>
    public static string? NamespaceOf(string text)
    {
        var match = NamespaceLine().Match(text);
        return match.Success ? match.Groups[1].Success && match.Groups[1].Value.Length > 0 ? match.Groups[1].Value : "CiMigrate" : null;
    }

    public static int LayerOf(string name)
    {
        var index = Array.FindIndex(Order, layer => layer.Contains(name));
        return index >= 0 ? index : throw new ArgumentException($"The namespace CiMigrate.{name} is not in the layer table.");
    }

    static bool Allowed(string from, string to) =>
        from == to || LayerOf(to) < LayerOf(from) || Sideways.Contains((from, to));

    static string Where(string from, string to) =>
        LayerOf(to) > LayerOf(from) ? "above it" : "beside it (not a listed sideways use)";

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?CiMigrate\.(\w+)")]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"^namespace\s+CiMigrate(?:\.(\w+))?", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
