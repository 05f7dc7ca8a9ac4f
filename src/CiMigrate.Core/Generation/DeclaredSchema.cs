using System.Text.RegularExpressions;
using CiMigrate.Configuration;
using CiMigrate.Hosting;
using CiMigrate.Migrations;
using CiMigrate.Sql;

namespace CiMigrate.Generation;

/// <summary>
/// The desired state of an app, as SQL files: by default its <c>supabase/schemas/*.sql</c> (the Supabase CLI's
/// declarative layout, applied in lexical order), or a folder or file named with <c>--from</c>. Files are read as
/// <c>pg_dump</c> writes them: the <c>\restrict</c> and <c>\unrestrict</c> lines of pg_dump 15.14+ are psql
/// meta-commands that only guard the dump's loading in psql, so they are blanked (keeping line numbers); any other
/// meta-command stays a syntax error naming file and line.
/// </summary>
public sealed partial class DeclaredSchema
{
    public const string SchemasFolderName = "schemas";

    DeclaredSchema(IReadOnlyList<SqlScript> files) => Files = files;

    /// <summary>The files in the order they are applied, parsed.</summary>
    public IReadOnlyList<SqlScript> Files { get; }

    /// <summary><c>supabase/schemas</c> beside the app's <c>supabase/migrations</c> folder.</summary>
    public static string DefaultFolder(AppSettings app) =>
        Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(app.Migrations)) ?? app.Migrations, SchemasFolderName);

    /// <summary>Reads and parses <paramref name="source"/> (a folder's <c>*.sql</c> in ordinal order, or one file).</summary>
    public static DeclaredSchema Load(string source, string root)
    {
        string[] paths;
        if (Directory.Exists(source))
            paths = [.. Directory.EnumerateFiles(source, "*.sql").Order(StringComparer.Ordinal)];
        else if (File.Exists(source))
            paths = [source];
        else
            throw new UsageException($"The declared schema {RepositoryPaths.Display(source, root)} does not exist: create " +
                $"supabase/{SchemasFolderName}/*.sql (the Supabase layout) or name a folder or file with --from.");
        if (paths.Length == 0)
            throw new UsageException($"{RepositoryPaths.Display(source, root)} holds no .sql file: nothing declares the schema.");

        var files = new List<SqlScript>();
        foreach (var path in paths)
        {
            var display = RepositoryPaths.Display(path, root);
            var text = WithoutRestrictLines(MigrationText.Decode(File.ReadAllBytes(path), display));
            try
            {
                files.Add(SqlScript.Parse(text, display));
            }
            catch (SqlSyntaxException e)
            {
                throw new UsageException($"{e.Path}:{e.Line}:{e.Column}: {e.Problem}");
            }
        }

        return new DeclaredSchema(files);
    }

    /// <summary>Blanks <c>\restrict KEY</c> and <c>\unrestrict KEY</c> lines, leaving every other line where it was.</summary>
    public static string WithoutRestrictLines(string text) => RestrictLine().Replace(text, "");

    [GeneratedRegex(@"^[ \t]*\\(un)?restrict[ \t]+[A-Za-z0-9]+[ \t]*(?=\r?$)", RegexOptions.Multiline)]
    private static partial Regex RestrictLine();
}
