using System.Text;
using System.Text.RegularExpressions;
using CiMigrate.Configuration;
using CiMigrate.Hosting;

namespace CiMigrate.Generation;

/// <summary>
/// Which files declare an app's schema, in the order they load, as the Supabase CLI picks them (its
/// <c>internal/db/diff</c> loadDeclaredSchemas and <c>pkg/config</c> Glob.Files):
/// <list type="number">
/// <item><c>[db.migrations] schema_paths</c> in <c>supabase/config.toml</c>, when it lists any: each pattern, relative to
/// the <c>supabase</c> folder, in the order written; the files one pattern matches in ordinal order of their paths; a file
/// a pattern already took is not taken again; a pattern that matches nothing is an error. Patterns are Go's
/// <c>path.Match</c>: <c>*</c> and <c>?</c> never cross a <c>/</c> (there is no <c>**</c>), <c>[...]</c> is a class.</item>
/// <item>Otherwise every regular file ending in <c>.sql</c> under <c>supabase/schemas</c>, sub-folders included, in
/// ordinal order of the whole path (so <c>a.sql</c> before <c>a/b.sql</c>, <c>B.sql</c> before <c>a.sql</c>).</item>
/// </list>
/// </summary>
public static class DeclaredSchemaFiles
{
    /// <summary>
    /// The declaration of an app whose migrations are in <paramref name="migrations"/> (<c>supabase/migrations</c>): the
    /// files, and where they were found (for messages); null when there is neither a <c>schema_paths</c> nor the folder.
    /// </summary>
    public static (IReadOnlyList<string> Files, string Source)? Of(string migrations, string root)
    {
        var supabase = SupabaseFolder(migrations);
        var config = Path.Combine(supabase, SupabaseSchemaPaths.ConfigFileName);
        if (SupabaseSchemaPaths.Read(config, root) is var (patterns, line))
        {
            var display = $"{RepositoryPaths.Display(config, root)}:{line}";
            return (Matching(supabase, patterns, display), $"[db.migrations] schema_paths ({display})");
        }

        var folder = Path.Combine(supabase, DeclaredSchema.SchemasFolderName);
        return Directory.Exists(folder) ? (Under(folder), RepositoryPaths.Display(folder, root)) : null;
    }

    /// <summary>The <c>supabase</c> folder that holds <paramref name="migrations"/>, its <c>config.toml</c> and <c>schemas</c>.</summary>
    public static string SupabaseFolder(string migrations) =>
        Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(migrations)) ?? migrations;

    /// <summary>Every regular <c>.sql</c> file under <paramref name="folder"/>, sub-folders included, in the CLI's order.</summary>
    public static IReadOnlyList<string> Under(string folder) =>
    [
        .. new DirectoryInfo(folder).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            // afero.Walk sees a link as a link, not a regular file: the CLI skips it, and so does this.
            .Where(f => f.Extension == ".sql" && f.LinkTarget is null)
            .Select(f => f.FullName)
            .OrderBy(path => Slashed(Path.GetRelativePath(folder, path)), StringComparer.Ordinal),
    ];

    /// <summary>The files <paramref name="patterns"/> match under <paramref name="supabase"/>, in the CLI's order.</summary>
    public static IReadOnlyList<string> Matching(string supabase, IReadOnlyList<string> patterns, string where)
    {
        var files = new List<string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            var full = Path.IsPathRooted(pattern) ? pattern : Path.GetFullPath(Path.Combine(supabase, pattern));
            var matches = Glob(full);
            if (matches.Count == 0)
                throw new UsageException($"{where}: no files matched pattern: {pattern} (the Supabase CLI stops here too).");
            foreach (var match in matches.Order(StringComparer.Ordinal))
            {
                if (taken.Add(match))
                    files.Add(match);
            }
        }

        return files;
    }

    /// <summary>The files matching an absolute pattern, component by component.</summary>
    static List<string> Glob(string pattern)
    {
        var parts = Slashed(pattern).Split('/');
        var found = new List<string> { parts[0] == "" ? "/" : parts[0] + "/" };
        for (var i = 1; i < parts.Length && found.Count > 0; i++)
        {
            var last = i == parts.Length - 1;
            if (parts[i] == "")
                continue;
            var next = new List<string>();
            foreach (var folder in found.Where(Directory.Exists))
            {
                if (!HasMeta(parts[i]))
                {
                    var path = Path.Combine(folder, Unescape(parts[i]));
                    if (last ? File.Exists(path) : Directory.Exists(path))
                        next.Add(path);
                    continue;
                }

                var regex = Component(parts[i]);
                next.AddRange(last
                    ? Directory.EnumerateFiles(folder).Where(p => regex.IsMatch(Path.GetFileName(p)))
                    : Directory.EnumerateDirectories(folder).Where(p => regex.IsMatch(Path.GetFileName(p))));
            }

            found = next;
        }

        return [.. found.Where(File.Exists).Select(Path.GetFullPath)];
    }

    static bool HasMeta(string part) => part.IndexOfAny(['*', '?', '[', '\\']) >= 0;

    static string Unescape(string part) => Regex.Replace(part, @"\\(.)", "$1");

    /// <summary>One path component of a Go <c>path.Match</c> pattern as a regex.</summary>
    static Regex Component(string part)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            switch (c)
            {
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '\\' when i + 1 < part.Length:
                    regex.Append(Regex.Escape(part[++i].ToString()));
                    break;
                case '[':
                    var end = part.IndexOf(']', i + 2);
                    if (end < 0)
                        throw new UsageException($"The schema_paths pattern component {part} has an unclosed [ (Go's path.Match calls it a bad pattern).");
                    var body = part[(i + 1)..end];
                    regex.Append('[').Append(body.StartsWith('^') ? "^" + body[1..].Replace("\\", "\\\\") : body.Replace("\\", "\\\\")).Append(']');
                    i = end;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    static string Slashed(string path) => path.Replace('\\', '/');
}
