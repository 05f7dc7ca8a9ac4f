using System.Text;

namespace CiMigrate.Tests.Sql;

/// <summary>A readable line diff for a golden mismatch: the lines that differ, each side marked.</summary>
static class LineDiff
{
    public static string Describe(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var builder = new StringBuilder("golden file differs (- golden, + actual):\n");
        var shown = 0;
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length) && shown < 40; i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : null;
            var a = i < actualLines.Length ? actualLines[i] : null;
            if (e == a)
                continue;
            builder.Append($"line {i + 1}:\n");
            if (e is not null)
                builder.Append($"- {e}\n");
            if (a is not null)
                builder.Append($"+ {a}\n");
            shown++;
        }

        return builder.ToString();
    }
}
