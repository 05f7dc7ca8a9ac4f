using System.Text;
using System.Text.RegularExpressions;

namespace CiMigrate.Tasks;

/// <summary>
/// The file patterns a GitHub workflow reacts to or keys a cache on: the entries of its <c>paths:</c> filters and the
/// arguments of its <c>hashFiles(...)</c> calls, each with its line. Read from the text (the shapes GitHub documents:
/// a block list or a flow list under <c>paths:</c>), not from a YAML model, since only these two need reading.
/// </summary>
sealed partial record WorkflowFilters(IReadOnlyList<(string Pattern, int Line)> Paths, IReadOnlyList<(IReadOnlyList<string> Patterns, int Line)> HashFiles)
{
    public static WorkflowFilters Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var paths = new List<(string, int)>();
        var hashFiles = new List<(IReadOnlyList<string>, int)>();
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match call in HashFilesCall().Matches(lines[i]))
                hashFiles.Add(([.. Quoted().Matches(call.Groups[1].Value).Select(m => m.Groups[2].Value)], i + 1));
            if (PathsKey().Match(lines[i]) is not { Success: true } key)
                continue;
            if (key.Groups[2].Value.Trim() is ['[', .. var flow, ']'])
            {
                paths.AddRange(flow.Split(',').Select(p => (Unquote(p), i + 1)).Where(p => p.Item1.Length > 0 && p.Item1[0] != '!'));
                continue;
            }

            var indent = key.Groups[1].Value.Length;
            for (var j = i + 1; j < lines.Length && ListItem().Match(lines[j]) is { Success: true } item && item.Groups[1].Value.Length >= indent; j++)
            {
                var pattern = Unquote(item.Groups[2].Value);
                if (pattern.Length > 0 && pattern[0] != '!')
                    paths.Add((pattern, j + 1));
            }
        }

        return new WorkflowFilters(paths, hashFiles);
    }

    /// <summary>
    /// Whether a repository path matches a filter pattern as GitHub matches them: <c>*</c> within a folder,
    /// <c>**</c> across folders, <c>?</c> one character.
    /// </summary>
    public static bool Matches(string pattern, string path)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern.AsSpan(i).StartsWith("**/"))
            {
                regex.Append("(?:.*/)?");
                i += 2;
            }
            else if (pattern.AsSpan(i).StartsWith("**"))
            {
                regex.Append(".*");
                i++;
            }
            else
                regex.Append(pattern[i] switch { '*' => "[^/]*", '?' => "[^/]", var c => Regex.Escape(c.ToString()) });
        }

        return Regex.IsMatch(path, regex.Append('$').ToString());
    }

    static string Unquote(string value)
    {
        var trimmed = value.Split(" #")[0].Trim();
        return trimmed.Length >= 2 && trimmed[0] is '"' or '\'' && trimmed[^1] == trimmed[0] ? trimmed[1..^1] : trimmed;
    }

    [GeneratedRegex(@"^(\s*)paths:(.*)$")]
    private static partial Regex PathsKey();

    [GeneratedRegex(@"^(\s*)-\s+(.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"hashFiles\(([^)]*)\)")]
    private static partial Regex HashFilesCall();

    [GeneratedRegex(@"(['""])(.*?)\1")]
    private static partial Regex Quoted();
}
