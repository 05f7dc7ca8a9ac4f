using CiMigrate.Generation;
using CiMigrate.Hosting;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Generation;

/// <summary>
/// Which files declare the schema, in which order, as the Supabase CLI's loadDeclaredSchemas picks them
/// (apps/cli-go/internal/db/diff/diff.go, pkg/config Glob.Files): schema_paths when set, else a walk of supabase/schemas.
/// </summary>
public sealed class DeclaredSchemaFilesTests
{
    TempDirectory _repo = null!;

    [SetUp]
    public void CreateRepository() => _repo = new TempDirectory();

    [TearDown]
    public void DeleteRepository() => _repo.Dispose();

    string Migrations => Path.Combine(_repo.Path, "supabase", "migrations");

    IReadOnlyList<string>? Files() =>
        DeclaredSchemaFiles.Of(Migrations, _repo.Path) is var (files, _)
            ? [.. files.Select(f => Path.GetRelativePath(_repo.Path, f).Replace('\\', '/'))]
            : null;

    void Touch(params string[] paths)
    {
        foreach (var path in paths)
            _repo.File(path, "select 1;\n");
    }

    [Test]
    public void Without_schema_paths_every_sql_file_under_schemas_in_ordinal_order_of_the_whole_path()
    {
        Touch("supabase/schemas/b.sql", "supabase/schemas/a/z.sql", "supabase/schemas/a.sql", "supabase/schemas/B.sql",
            "supabase/schemas/a/b/c.sql", "supabase/schemas/notes.txt", "supabase/schemas/upper.SQL", "supabase/migrations/20250101000000_x.sql");

        // Go's sort.Strings on the walked paths: bytes, so 'B' before 'a' and "a.sql" ('.') before "a/z.sql" ('/').
        Assert.That(Files(), Is.EqualTo(new[]
        {
            "supabase/schemas/B.sql", "supabase/schemas/a.sql", "supabase/schemas/a/b/c.sql", "supabase/schemas/a/z.sql", "supabase/schemas/b.sql",
        }));
    }

    [Test]
    public void Neither_folder_nor_schema_paths_is_no_declaration()
    {
        Touch("supabase/migrations/20250101000000_x.sql");

        Assert.That(Files(), Is.Null);
    }

    [Test]
    public void Schema_paths_are_taken_pattern_by_pattern_each_sorted_without_repeating_a_file()
    {
        Touch("supabase/schemas/types.sql", "supabase/schemas/tables.sql", "supabase/schemas/a_views.sql", "supabase/schemas/nested/skip.sql",
            "supabase/db/extra.sql");
        _repo.File("supabase/config.toml", """
            [db]
            port = 54322

            [db.migrations]
            enabled = true
            # The order the files load in.
            schema_paths = [
              "./schemas/types.sql", # first: the tables use them
              './schemas/*.sql',
              "../supabase/db/extra.sql",
            ]

            [db.seed]
            sql_paths = ["./seed.sql"]
            """);

        // A * never crosses a /: schemas/nested/skip.sql is not taken (Go's path.Match has no **).
        Assert.That(Files(), Is.EqualTo(new[]
        {
            "supabase/schemas/types.sql", "supabase/schemas/a_views.sql", "supabase/schemas/tables.sql", "supabase/db/extra.sql",
        }));
    }

    [Test]
    public void Schema_paths_win_over_the_schemas_folder()
    {
        Touch("supabase/schemas/ignored.sql", "supabase/declared/one.sql");
        _repo.File("supabase/config.toml", "[db.migrations]\nschema_paths = [\"declared/*.sql\"]\n");

        Assert.That(Files(), Is.EqualTo(new[] { "supabase/declared/one.sql" }));
    }

    [Test]
    public void An_empty_schema_paths_falls_back_to_the_schemas_folder()
    {
        Touch("supabase/schemas/one.sql");
        _repo.File("supabase/config.toml", "[db.migrations]\nschema_paths = []\n");

        Assert.That(Files(), Is.EqualTo(new[] { "supabase/schemas/one.sql" }));
    }

    [Test]
    public void A_pattern_that_matches_nothing_is_an_error_naming_the_config_line_and_the_pattern()
    {
        Touch("supabase/schemas/one.sql");
        _repo.File("supabase/config.toml", "[db.migrations]\n\nschema_paths = [\"./schemas/*.sql\", \"./schemas/missing_*.sql\"]\n");

        var error = Assert.Throws<UsageException>(() => Files());

        Assert.That(error!.Message, Does.StartWith("supabase/config.toml:3: no files matched pattern: ./schemas/missing_*.sql"));
    }

    [Test]
    public void Schema_paths_that_is_not_an_array_of_strings_is_an_error_naming_file_and_line()
    {
        _repo.File("supabase/config.toml", "[db.migrations]\nschema_paths = \"./schemas/*.sql\"\n");

        var error = Assert.Throws<UsageException>(() => Files());

        Assert.That(error!.Message, Does.StartWith("supabase/config.toml:2: [db.migrations] schema_paths must be an array of strings"));
    }

    [Test]
    public void Character_classes_and_question_marks_match_as_in_go()
    {
        Touch("supabase/schemas/01_a.sql", "supabase/schemas/02_b.sql", "supabase/schemas/10_c.sql");
        _repo.File("supabase/config.toml", "[db.migrations]\nschema_paths = [\"schemas/0[12]_?.sql\"]\n");

        Assert.That(Files(), Is.EqualTo(new[] { "supabase/schemas/01_a.sql", "supabase/schemas/02_b.sql" }));
    }
}
