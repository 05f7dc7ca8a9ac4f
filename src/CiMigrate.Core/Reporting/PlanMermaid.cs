using System.Text;
using System.Text.RegularExpressions;
using CiMigrate.Planning;

namespace CiMigrate.Reporting;

/// <summary>
/// The plan's <see cref="EntityDiagram"/> as a Mermaid <c>erDiagram</c>, which GitHub draws in comments. Mermaid
/// names and types are single words: <c>auth.users</c> becomes <c>auth_users</c>, <c>timestamp with time zone</c>
/// becomes <c>timestamp_with_time_zone</c>, and type arguments are dropped.
/// </summary>
public static partial class PlanMermaid
{
    public static string Render(EntityDiagram diagram)
    {
        var text = new StringBuilder("erDiagram\n");
        foreach (var entity in diagram.Entities)
        {
            text.Append("    ").Append(Word(entity.Name)).Append(" {\n");
            foreach (var column in entity.Columns)
            {
                text.Append("        ").Append(Type(column.Type)).Append(' ').Append(Word(column.Name));
                if (column.Keys.Count > 0)
                    text.Append(' ').Append(string.Join(", ", column.Keys));
                text.Append('\n');
            }

            text.Append("    }\n");
        }

        foreach (var r in diagram.Relationships)
        {
            // Parent side: exactly one (or zero or one when the key may be null); child side: zero or more.
            var parent = r.Optional ? "|o" : "||";
            text.Append("    ").Append(Word(r.To)).Append(' ').Append(parent).Append("--o{ ").Append(Word(r.From))
                .Append(" : \"").Append(r.Columns.Replace("\"", "'")).Append("\"\n");
        }

        return text.ToString();
    }

    static string Type(string type) => Word(Arguments().Replace(type, "").Replace("[]", "_array"));

    static string Word(string name)
    {
        var word = NotWord().Replace(name.Trim(), "_");
        return word.Length == 0 || char.IsDigit(word[0]) ? "_" + word : word;
    }

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Arguments();

    [GeneratedRegex(@"[^A-Za-z0-9_]+")]
    private static partial Regex NotWord();
}
