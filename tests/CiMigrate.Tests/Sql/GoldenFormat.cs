using System.Text;
using CiMigrate.Sql;

namespace CiMigrate.Tests.Sql;

/// <summary>
/// The compact text a golden file holds: per statement its kind, place, objects, comments and exact text
/// (a CR shown as <c>&lt;CR&gt;</c> so CRLF files stay readable); for a file that does not parse, the error.
/// </summary>
static class GoldenFormat
{
    public static string Render(string text, string path)
    {
        SqlScript script;
        try
        {
            script = SqlScript.Parse(text, path);
        }
        catch (SqlSyntaxException ex)
        {
            return $"error: {ex.Message}\n";
        }

        var builder = new StringBuilder();
        foreach (var statement in script.Statements)
        {
            builder.Append($"#{statement.Index} {statement.Kind} {statement.Line}:{statement.Column} ")
                .Append($"offset {statement.Offset} length {statement.Length}\n");
            if (statement.Actions.Count > 1)
                builder.Append($"  actions: {string.Join(", ", statement.Actions)}\n");
            if (statement.ObjectRefs.Count > 0)
                builder.Append($"  objects: {string.Join(", ", statement.ObjectRefs.Select(o => $"{o.Name} ({o.Role})"))}\n");
            foreach (var comment in statement.LeadingComments)
                builder.Append($"  leading: {Visible(comment)}\n");
            foreach (var comment in statement.TrailingComments)
                builder.Append($"  trailing: {Visible(comment)}\n");
            foreach (var line in statement.Text.Split('\n'))
                builder.Append($"  | {Visible(line)}\n");
        }

        return builder.ToString();
    }

    static string Visible(string text) => text.Replace("\r", "<CR>").Replace("\n", "<LF>");
}
