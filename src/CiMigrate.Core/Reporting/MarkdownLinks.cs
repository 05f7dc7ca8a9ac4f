using CiMigrate.Diagnostics;
using CiMigrate.Planning;

namespace CiMigrate.Reporting;

/// <summary>
/// Links of the PR comment: a finding's code to its docs page, its place to the line at the reviewed commit (only
/// when <see cref="SourceLinks"/> are known: in a pull request's run). Places are short, never a whole path: a
/// migration shows as its version, <c>20250301000000</c> <c>L4</c>.
/// </summary>
sealed class MarkdownLinks(SourceLinks? source)
{
    const int MaxLinesPerCell = 3;

    public string Code(Finding finding) => $"[{finding.Rule}]({finding.DocsUri})";

    /// <summary>One place: <c>`20250301000000` [L4](…)</c>; a dash for a finding without one.</summary>
    public string Place(Finding finding) => Places([finding]);

    /// <summary>Places grouped by file, at most three lines each, the rest counted: <c>`2025…` [L4](…) [L9](…) +3</c>.</summary>
    public string Places(IReadOnlyList<Finding> findings)
    {
        var located = findings.Where(f => f.HasLocation).ToList();
        if (located.Count == 0)
            return "—";
        return string.Join("<br>", located.GroupBy(f => f.File!, StringComparer.Ordinal).Select(file =>
        {
            var lines = file.Select(f => f.Line).Distinct().Order().ToList();
            var shown = lines.Take(MaxLinesPerCell).Select(line => Line(file.Key, line));
            var more = lines.Count > MaxLinesPerCell ? $" +{lines.Count - MaxLinesPerCell}" : "";
            return $"{Markdown.Code(Label(file.Key))} {string.Join(' ', shown)}{more}";
        }));
    }

    /// <summary>The statement that made a schema change: <c>`20250301000000` [L4](…)</c>.</summary>
    public string Place(StatementRef statement) => $"{Markdown.Code(Label(statement.File))} {Line(statement.File, statement.Line)}";

    /// <summary>A link to a whole file (a pending migration's version), plain code without source links.</summary>
    public string File(string file, string text) =>
        source is null ? Markdown.Code(text) : $"[{Markdown.Code(text)}]({source.To(file, 0)})";

    string Line(string file, int line) => source is null ? $"L{line}" : $"[L{line}]({source.To(file, line)})";

    /// <summary>The migration's version when the file name starts with one, else the file name.</summary>
    static string Label(string file)
    {
        var name = Path.GetFileName(file);
        var underscore = name.IndexOf('_', StringComparison.Ordinal);
        return underscore > 0 && name[..underscore].All(char.IsAsciiDigit) ? name[..underscore] : name;
    }
}
