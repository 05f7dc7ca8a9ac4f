using System.Reflection;

namespace CiMigrate.History;

/// <summary>
/// The ledger's own migrations: <c>History/Sql/NNNN_name.sql</c>, embedded in the tool and applied in order.
/// A new ledger version is a new file; an old file is never edited.
/// </summary>
static class LedgerScripts
{
    const string Prefix = "CiMigrate.History.Sql.";

    public static IReadOnlyList<(int Version, string Name, string Text)> All { get; } = Load();

    public static int Latest => All[^1].Version;

    static List<(int Version, string Name, string Text)> Load()
    {
        var assembly = typeof(LedgerScripts).Assembly;
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var fileName = resource[Prefix.Length..];
            var underscore = fileName.IndexOf('_');
            var version = int.Parse(fileName[..underscore], System.Globalization.CultureInfo.InvariantCulture);
            scripts.Add((version, fileName, Read(assembly, resource)));
        }

        return [.. scripts.OrderBy(s => s.Item1)];
    }

    static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
