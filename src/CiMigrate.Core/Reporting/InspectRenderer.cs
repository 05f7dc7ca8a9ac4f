using System.Text.Encodings.Web;
using System.Text.Json;
using CiMigrate.Sql;

namespace CiMigrate.Reporting;

/// <summary>Renders how ci-migrate reads SQL files: one line per statement, or the JSON shape tests rely on.</summary>
static class InspectRenderer
{
    // SQL is full of quotes and <>; escaping them as \u0027 would make the JSON unreadable for no gain.
    static readonly InspectJsonContext Json = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    });

    public static string ToJson(IEnumerable<SqlScript> scripts)
    {
        IReadOnlyList<InspectFile> files =
        [
            .. scripts.Select(script => new InspectFile(script.Path,
            [
                .. script.Statements.Select(s => new InspectStatement(s.Index, s.Kind.ToString(), s.Line, s.Column,
                    s.Offset, s.Length, s.Objects, s.Text)),
            ])),
        ];
        return JsonSerializer.Serialize(files, Json.IReadOnlyListInspectFile);
    }

    /// <summary><c>path:line:col  #index  Kind  objects</c>, one line per statement, so editors can jump to it.</summary>
    public static void WriteText(TextWriter output, SqlScript script)
    {
        output.WriteLine($"{script.Path}: {script.Statements.Count} statement{(script.Statements.Count == 1 ? "" : "s")}");
        foreach (var statement in script.Statements)
        {
            var objects = statement.Objects.Count > 0 ? "  " + string.Join(", ", statement.Objects) : "";
            output.WriteLine($"{script.Path}:{statement.Line}:{statement.Column}  #{statement.Index}  {statement.Kind}{objects}");
        }
    }
}
