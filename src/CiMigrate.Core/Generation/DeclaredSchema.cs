using System.Text.RegularExpressions;
using CiMigrate.Configuration;
using CiMigrate.Hosting;
using CiMigrate.Migrations;
using CiMigrate.Sql;

namespace CiMigrate.Generation;

/// <summary>
/// The desired state of an app, as SQL files: by default the files the Supabase CLI reads as its declarative schema
/// (<see cref="DeclaredSchemaFiles"/>: <c>[db.migrations] schema_paths</c> of <c>supabase/config.toml</c>, else every
/// <c>.sql</c> under <c>supabase/schemas</c>), or a folder or file named with <c>--from</c>. Files are read as
/// <c>pg_dump</c> writes them: the <c>\restrict</c> and <c>\unrestrict</c> lines of pg_dump 15.14+ are psql
/// meta-commands that only guard the dump's loading in psql, so they are blanked (keeping line numbers); any other
/// meta-command stays a syntax error naming file and line.
/// </summary>
public sealed partial class DeclaredSchema
{
    public const string SchemasFolderName = "schemas";

    DeclaredSchema(IReadOnlyList<SqlScript> files, string source) => (Files, Source) = (files, source);

    /// <summary>The files in the order they are applied, parsed.</summary>
    public IReadOnlyList<SqlScript> Files { get; }

    /// <summary>Where the files were found, for messages: <c>supabase/schemas</c>, or the config line that lists them.</summary>
    public string Source { get; }

    /// <summary><c>supabase/schemas</c> beside the app's <c>supabase/migrations</c> folder.</summary>
    public static string DefaultFolder(AppSettings app) =>
        Path.Combine(DeclaredSchemaFiles.SupabaseFolder(app.Migrations), SchemasFolderName);

    /// <summary>
    /// The app's declaration as the Supabase CLI finds it beside <c>supabase/migrations</c>; null when there is none
    /// (no <c>schema_paths</c> and no <c>supabase/schemas</c> folder).
    /// </summary>
    public static DeclaredSchema? OfApp(AppSettings app, string root) =>
        DeclaredSchemaFiles.Of(app.Migrations, root) is var (files, source) ? Parse(files, source, root) : null;

    /// <summary>Reads and parses <paramref name="source"/>: a folder's <c>.sql</c> files (sub-folders included, in the CLI's order), or one file.</summary>
    public static DeclaredSchema Load(string source, string root)
    {
        IReadOnlyList<string> paths;
        if (Directory.Exists(source))
            paths = DeclaredSchemaFiles.Under(source);
        else if (File.Exists(source))
            paths = [source];
        else
            throw new UsageException($"The declared schema {RepositoryPaths.Display(source, root)} does not exist: create " +
                $"supabase/{SchemasFolderName}/*.sql (the Supabase layout), list files in supabase/config.toml's [db.migrations] " +
                "schema_paths, or name a folder or file with --from.");
        return Parse(paths, RepositoryPaths.Display(source, root), root);
    }

    static DeclaredSchema Parse(IReadOnlyList<string> paths, string source, string root)
    {
        if (paths.Count == 0)
            throw new UsageException($"{source} holds no .sql file: nothing declares the schema.");

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

        return new DeclaredSchema(files, source);
    }

    /// <summary>Blanks <c>\restrict KEY</c> and <c>\unrestrict KEY</c> lines, leaving every other line where it was.</summary>
    public static string WithoutRestrictLines(string text) => RestrictLine().Replace(text, "");

    [GeneratedRegex(@"^[ \t]*\\(un)?restrict[ \t]+[A-Za-z0-9]+[ \t]*(?=\r?$)", RegexOptions.Multiline)]
    private static partial Regex RestrictLine();
}
