using System.Text.RegularExpressions;

namespace CiMigrate.Reporting;

/// <summary>Escaping for GitHub-flavoured markdown: table cells, code spans, fences.</summary>
static partial class Markdown
{
    /// <summary>Text safe inside a table cell: pipes escaped, line breaks as spaces.</summary>
    public static string Cell(string text) => Whitespace().Replace(text, " ").Replace("|", "\\|");

    /// <summary>A code span that survives backticks in the text, safe inside a table cell.</summary>
    public static string Code(string text)
    {
        var cell = Cell(text).Trim();
        if (cell.Length == 0)
            return "";
        var ticks = new string('`', LongestRun(cell, '`') + 1);
        var pad = cell.StartsWith('`') || cell.EndsWith('`') ? " " : "";
        return $"{ticks}{pad}{cell}{pad}{ticks}";
    }

    /// <summary>A fence longer than any backtick run in the text, so SQL with ``` in a string cannot break out.</summary>
    public static string Fence(string text) => new('`', Math.Max(3, LongestRun(text, '`') + 1));

    /// <summary>HTML-escapes text for &lt;summary&gt; and other raw HTML.</summary>
    public static string Html(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    [GeneratedRegex(@"\s*\r?\n\s*")]
    private static partial Regex Whitespace();
}
