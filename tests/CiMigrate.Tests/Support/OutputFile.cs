using System.Text.RegularExpressions;

namespace CiMigrate.Tests.Support;

/// <summary>Reads a <c>$GITHUB_OUTPUT</c> file as the runner does: each <c>name&lt;&lt;delimiter</c> entry, the last value of a name winning.</summary>
static partial class OutputFile
{
    public static Dictionary<string, string> Read(string path)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match entry in Entry().Matches(File.ReadAllText(path)))
            outputs[entry.Groups["name"].Value] = entry.Groups["value"].Value;
        return outputs;
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9_-]+)<<(?<d>ghadelimiter_[0-9a-f]{32})\n(?<value>.*?)\n\k<d>\n", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Entry();
}
