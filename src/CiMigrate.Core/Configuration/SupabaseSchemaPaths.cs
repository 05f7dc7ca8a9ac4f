using System.Text;
using CiMigrate.Hosting;

namespace CiMigrate.Configuration;

/// <summary>
/// <c>schema_paths</c> of the <c>[db.migrations]</c> table in <c>supabase/config.toml</c>: the Supabase CLI's ordered list
/// of glob patterns, relative to the <c>supabase</c> folder, naming the declarative schema files. Only that key is read;
/// the rest of the file is the CLI's business, so this is not a TOML parser but a reader of one array of strings (basic
/// or literal, on one line or several, with comments and a trailing comma), which is how the CLI's template writes it.
/// </summary>
public static class SupabaseSchemaPaths
{
    public const string ConfigFileName = "config.toml";

    /// <summary>The patterns, in order, and the line they start on; null when the file or the key is not there (or the list is empty).</summary>
    public static (IReadOnlyList<string> Patterns, int Line)? Read(string configPath, string root)
    {
        if (!File.Exists(configPath))
            return null;
        var lines = File.ReadAllLines(configPath);
        var inTable = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = WithoutComment(lines[i]).Trim();
            if (line.StartsWith('['))
            {
                inTable = line.Replace(" ", "", StringComparison.Ordinal) == "[db.migrations]";
                continue;
            }

            if (!inTable || !IsKey(line, out var value))
                continue;
            var text = new StringBuilder(value);
            var end = i;
            while (!Closed(text.ToString()) && ++end < lines.Length)
                text.Append('\n').Append(WithoutComment(lines[end]));
            var patterns = Strings(text.ToString(), RepositoryPaths.Display(configPath, root), i + 1);
            return patterns.Count == 0 ? null : (patterns, i + 1);
        }

        return null;
    }

    static bool IsKey(string line, out string value)
    {
        value = "";
        if (!line.StartsWith("schema_paths", StringComparison.Ordinal))
            return false;
        var rest = line["schema_paths".Length..].TrimStart();
        if (!rest.StartsWith('='))
            return false;
        value = rest[1..];
        return true;
    }

    /// <summary>The line up to a <c>#</c> that is not inside a string.</summary>
    static string WithoutComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is null && c == '#')
                return line[..i];
            if (quote == '"' && c == '\\')
                i++;
            else if (c is '"' or '\'' && (quote is null || quote == c))
                quote = quote is null ? c : null;
        }

        return line;
    }

    static bool Closed(string value) => value.TrimEnd().EndsWith(']');

    /// <summary>The strings of <c>[ "a", 'b' ]</c>; anything else is an error naming the file and line.</summary>
    static List<string> Strings(string value, string file, int line)
    {
        var strings = new List<string>();
        var text = value.Trim();
        if (!text.StartsWith('[') || !text.EndsWith(']'))
            throw Invalid(file, line);
        var i = 1;
        while (true)
        {
            while (i < text.Length - 1 && (char.IsWhiteSpace(text[i]) || text[i] == ','))
                i++;
            if (i >= text.Length - 1)
                return strings;
            var quote = text[i];
            if (quote is not ('"' or '\''))
                throw Invalid(file, line);
            var item = new StringBuilder();
            i++;
            while (i < text.Length - 1 && text[i] != quote)
            {
                if (quote == '"' && text[i] == '\\' && i + 1 < text.Length - 1)
                {
                    i++;
                    item.Append(text[i] switch { 'n' => '\n', 't' => '\t', _ => text[i] });
                }
                else
                    item.Append(text[i]);
                i++;
            }

            if (i >= text.Length - 1)
                throw Invalid(file, line);
            strings.Add(item.ToString());
            i++;
        }
    }

    static UsageException Invalid(string file, int line) =>
        new($"{file}:{line}: [db.migrations] schema_paths must be an array of strings, as the Supabase CLI reads it: " +
            "schema_paths = [\"./schemas/*.sql\"]");
}
