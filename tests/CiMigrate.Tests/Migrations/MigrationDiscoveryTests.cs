using System.Text;
using CiMigrate.Configuration;
using CiMigrate.Migrations;
using CiMigrate.Tests.Support;

namespace CiMigrate.Tests.Migrations;

public class MigrationDiscoveryTests
{
    const string Header = "SET search_path TO money_tracker;\n";

    static MigrationSet Load(TempDirectory repo) =>
        MigrationSet.Load(new AppSettings("money-tracker", "money_tracker", Path.Combine(repo.Path, "supabase/migrations")), repo.Path);

    static MigrationSetException LoadFails(TempDirectory repo) => Assert.Throws<MigrationSetException>(() => Load(repo))!;

    [Test]
    public void Up_files_are_ordered_by_version_and_paired_with_down_files_in_either_place()
    {
        using var repo = new TempDirectory();
        repo.File("supabase/migrations/20250208000005_b.sql", Header + "CREATE TABLE b();");
        repo.File("supabase/migrations/20250208000004_a.sql", Header + "CREATE TABLE a();");
        repo.File("supabase/migrations/20250208000006_c.sql", Header + "CREATE TABLE c();");
        repo.File("supabase/migrations/down/20250208000004_a.sql", Header + "DROP TABLE a;");
        repo.File("supabase/migrations/20250208000006_c_down.sql", Header + "DROP TABLE c;");

        var set = Load(repo);

        Assert.That(set.Migrations.Select(m => m.Id), Is.EqualTo(new[]
        {
            "20250208000004_a", "20250208000005_b", "20250208000006_c",
        }));
        Assert.That(set.Migrations.Select(m => m.DownLocation), Is.EqualTo(new[]
        {
            DownFileLocation.DownFolder, DownFileLocation.None, DownFileLocation.BesideUpFile,
        }));
        Assert.That(set.Migrations[0].Down!.Text, Does.Contain("DROP TABLE a"));
        Assert.That(set.Migrations[2].Down!.DisplayPath, Is.EqualTo("supabase/migrations/20250208000006_c_down.sql"));
    }

    [Test]
    public void Crlf_and_lf_and_a_bom_give_the_same_checksum()
    {
        using var repo = new TempDirectory();
        repo.File("supabase/migrations/20250101000000_lf.sql", "SET search_path TO x;\nSELECT 1;\n");
        repo.File("supabase/migrations/20250101000001_crlf.sql", "SET search_path TO x;\r\nSELECT 1;\r\n");
        repo.File("supabase/migrations/20250101000002_bom.sql", [.. "\uFEFF"u8, .. "SET search_path TO x;\nSELECT 1;\n"u8]);
        repo.File("supabase/migrations/20250101000003_other.sql", "SET search_path TO x;\nSELECT 2;\n");

        var checksums = Load(repo).Migrations.Select(m => m.Checksum).ToList();

        Assert.That(checksums[1], Is.EqualTo(checksums[0]));
        Assert.That(checksums[2], Is.EqualTo(checksums[0]));
        Assert.That(checksums[3], Is.Not.EqualTo(checksums[0]));
        Assert.That(checksums[0], Has.Length.EqualTo(64));
    }

    [Test]
    public void A_bom_is_not_part_of_the_text()
    {
        using var repo = new TempDirectory();
        repo.File("supabase/migrations/20250101000002_bom.sql", [.. "\uFEFF"u8, .. "SELECT 1;"u8]);

        Assert.That(Load(repo).Migrations[0].Up.Text, Is.EqualTo("SELECT 1;"));
    }

    [Test]
    public void Files_that_are_no_migrations_are_skipped_with_one_warning_each()
    {
        using var repo = new TempDirectory();
        repo.File("supabase/migrations/20250101000000_one.sql", "SELECT 1;");
        repo.File("supabase/migrations/seed.sql", "INSERT INTO t VALUES (1);");
        repo.File("supabase/migrations/local_20240107152745_ollama.sql", "SELECT 2;");
        repo.File("supabase/migrations/20250101000001_two.SQL", "SELECT 3;");
        repo.File("supabase/migrations/README.md", "notes");

        var set = Load(repo);

        Assert.That(set.Migrations.Select(m => m.Id), Is.EqualTo(new[] { "20250101000000_one" }));
        Assert.That(set.Skipped, Is.EqualTo(new[]
        {
            "Skipping migration supabase/migrations/20250101000001_two.SQL: it ends in .SQL, not .sql, and neither ci-migrate nor the Supabase CLI reads it (file names are case-sensitive); rename it to end in .sql.",
            "Skipping migration supabase/migrations/local_20240107152745_ollama.sql: the name does not match <version>_<name>.sql (the version a run of digits), e.g. 20250208000004_add_basic_categories.sql, so neither ci-migrate nor the Supabase CLI applies it; rename it, move it out of the folder, or list it in apps.<name>.ignore.",
            "Skipping migration supabase/migrations/seed.sql: the name does not match <version>_<name>.sql (the version a run of digits), e.g. 20250208000004_add_basic_categories.sql, so neither ci-migrate nor the Supabase CLI applies it; rename it, move it out of the folder, or list it in apps.<name>.ignore.",
        }));
    }

    [Test]
    public void Versions_of_any_length_are_ordered_as_text_as_the_Supabase_CLI_compares_them()
    {
        using var repo = new TempDirectory();
        repo.File("supabase/migrations/20240102000000_fourteen.sql", "SELECT 14;");
        repo.File("supabase/migrations/1704067200000_thirteen.sql", "SELECT 13;");
        repo.File("supabase/migrations/202401011_nine.sql", "SELECT 9;");
        repo.File("supabase/migrations/001_legacy.sql", "SELECT 1;");

        var set = Load(repo);

        // Byte by byte, as Go compares the strings: "1704067200000" < "202401011" < "20240102000000", whatever their length.
        Assert.That(set.Migrations.Select(m => m.Id), Is.EqualTo(new[]
        {
            "001_legacy", "1704067200000_thirteen", "202401011_nine", "20240102000000_fourteen",
        }));
    }

    [Test]
    public void Files_the_app_ignores_are_neither_migrations_nor_warned_about()
    {
        using var repo = new TempDirectory();
        repo.File("supabase/migrations/20250101000000_one.sql", "SELECT 1;");
        repo.File("supabase/migrations/seed.sql", "INSERT INTO t VALUES (1);");
        repo.File("supabase/migrations/20250101000001_scratch_local.sql", "SELECT 2;");
        var app = new AppSettings("money-tracker", "money_tracker", Path.Combine(repo.Path, "supabase/migrations"))
        {
            Ignore = ["seed.sql", "*_local.sql"],
        };

        var set = MigrationSet.Load(app, repo.Path);

        Assert.That(set.Migrations.Select(m => m.Id), Is.EqualTo(new[] { "20250101000000_one" }));
        Assert.That(set.Skipped, Is.Empty);
    }

    [Test]
    public void Two_files_with_one_version_is_an_error_naming_both()
    {
        using var repo = new TempDirectory();
        repo.File("supabase/migrations/20250101000000_one.sql", "SELECT 1;");
        repo.File("supabase/migrations/20250101000000_two.sql", "SELECT 2;");

        var error = LoadFails(repo);

        Assert.That(error.Message, Is.EqualTo(
            "supabase/migrations/20250101000000_two.sql: two files with version 20250101000000 (the other is supabase/migrations/20250101000000_one.sql). Versions must be unique."));
    }

    [TestCase("supabase/migrations/down/20250101000009_orphan.sql")]
    [TestCase("supabase/migrations/20250101000009_orphan_down.sql")]
    public void A_down_file_without_an_up_file_is_an_error(string downPath)
    {
        using var repo = new TempDirectory();
        repo.File("supabase/migrations/20250101000000_one.sql", "SELECT 1;");
        repo.File(downPath, "SELECT 2;");

        var error = LoadFails(repo);

        Assert.That(error.Message, Is.EqualTo(
            $"{downPath}: down file without an up file (no 20250101000009_*.sql in supabase/migrations)."));
    }

    [Test]
    public void A_down_file_is_never_a_forward_migration()
    {
        using var repo = new TempDirectory();
        repo.File("supabase/migrations/20250101000000_one.sql", "SELECT 1;");
        repo.File("supabase/migrations/20250101000000_one_down.sql", "SELECT 2;");

        var set = Load(repo);

        Assert.That(set.Migrations, Has.Count.EqualTo(1));
        Assert.That(set.Migrations[0].Up.Text, Is.EqualTo("SELECT 1;"));
    }

    [TestCase("")]
    [TestCase("  \n\t\n")]
    [TestCase("\u00A0\u2003\r\n")]
    public void An_empty_file_is_an_error(string content)
    {
        using var repo = new TempDirectory();
        repo.File("supabase/migrations/20250101000000_empty.sql", content);

        Assert.That(LoadFails(repo).Message, Is.EqualTo("supabase/migrations/20250101000000_empty.sql: the file is empty."));
    }

    [Test]
    public void A_file_that_is_not_utf8_is_an_error_with_line_and_column()
    {
        using var repo = new TempDirectory();
        var latin1 = Encoding.Latin1.GetBytes("SET search_path TO x;\nINSERT INTO t VALUES ('caf\u00e9');\n");
        repo.File("supabase/migrations/20250101000000_latin1.sql", latin1);

        var error = LoadFails(repo);

        Assert.That(error.Message, Does.StartWith("supabase/migrations/20250101000000_latin1.sql:2:27: the file is not valid UTF-8 (byte 0xE9"));
    }

    [Test]
    public void Every_bad_file_is_listed_in_one_error()
    {
        using var repo = new TempDirectory();
        repo.File("supabase/migrations/20250101000001_bad.sql", [0xC3, 0x28]);
        repo.File("supabase/migrations/20250101000000_empty.sql", "");

        var error = LoadFails(repo);

        Assert.That(error.Problems, Has.Count.EqualTo(2));
        Assert.That(error.Message, Does.StartWith("2 problems in the migration files:"));
    }

    [Test]
    public void A_file_larger_than_the_read_buffer_is_read_whole()
    {
        using var repo = new TempDirectory();
        var text = "SET search_path TO x;\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"SELECT {i};\n"));
        repo.File("supabase/migrations/20250101000000_big.sql", text);
        repo.File("supabase/migrations/20250101000001_small.sql", "SELECT 1;");

        var migrations = Load(repo).Migrations;

        Assert.That(text.Length, Is.GreaterThan(200_000));
        Assert.That(migrations[0].Checksum, Is.EqualTo(MigrationChecksum.Of(text)));
        Assert.That(migrations[0].Up.Text, Is.EqualTo(text));
        Assert.That(migrations[1].Up.Text, Is.EqualTo("SELECT 1;"));
    }

    [Test]
    public void Many_bad_files_read_in_parallel_are_named_in_the_order_of_the_listing()
    {
        using var repo = new TempDirectory();
        var expected = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var path = $"supabase/migrations/2025010100{i:D4}_f{i}.sql";
            switch (i % 4)
            {
                case 0:
                    repo.File(path, "");
                    expected.Add($"{path}: the file is empty.");
                    break;
                case 1:
                    repo.File(path, [.. "SELECT 1;\nSELECT '"u8, 0xE9, .. "';"u8]);
                    expected.Add($"{path}:2:9: the file is not valid UTF-8 (byte 0xE9 at byte offset 18). Save it as UTF-8.");
                    break;
                default:
                    repo.File(path, $"SELECT {i};");
                    break;
            }
        }

        // Listed before 20250101000002_f2.sql (a < f): the first of the two is the migration, the second the problem.
        repo.File("supabase/migrations/20250101000002_again.sql", "SELECT 2;");
        expected.Insert(2, "supabase/migrations/20250101000002_f2.sql: two files with version 20250101000002 (the other is supabase/migrations/20250101000002_again.sql). Versions must be unique.");

        Assert.That(LoadFails(repo).Problems, Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("  \n\t\n")]
    public void A_blank_down_file_is_left_for_the_task_that_runs_it_which_refuses_it(string content)
    {
        using var repo = new TempDirectory();
        repo.File("supabase/migrations/20250101000000_a.sql", "SELECT 1;");
        repo.File("supabase/migrations/down/20250101000000_a.sql", content);
        repo.File("supabase/migrations/20250101000001_b.sql", "SELECT 2;");
        repo.File("supabase/migrations/20250101000001_b_down.sql", [.. "SELECT '"u8, 0xE9, .. "';"u8]);
        repo.File("supabase/migrations/20250101000002_c.sql", "SELECT 3;");
        repo.File("supabase/migrations/down/20250101000002_c.sql", "SELECT 4;");

        var set = Load(repo);

        Assert.That(set.Migrations.Select(m => m.DownLocation), Is.EqualTo(new[]
        {
            DownFileLocation.DownFolder, DownFileLocation.BesideUpFile, DownFileLocation.DownFolder,
        }));
        Assert.DoesNotThrow(() => DownFiles.Check([set.Migrations[2]]));
        var error = Assert.Throws<MigrationSetException>(() => DownFiles.Check(set.Migrations))!;
        Assert.That(error.Problems, Is.EqualTo(new[]
        {
            "supabase/migrations/down/20250101000000_a.sql: the file is empty.",
            "supabase/migrations/20250101000001_b_down.sql:1:9: the file is not valid UTF-8 (byte 0xE9 at byte offset 8). Save it as UTF-8.",
        }));
    }

    [Test]
    public void A_file_without_a_directive_is_not_parsed_for_one()
    {
        using var repo = new TempDirectory();
        // Unterminated: parsing it throws, so its phase can only come from not parsing it.
        repo.File("supabase/migrations/20250101000000_plain.sql", "SELECT 'a::b;");
        repo.File("supabase/migrations/20250101000001_expand.sql", "-- CI-Migrate:EXPAND\nSELECT 1;");
        repo.File("supabase/migrations/20250101000002_contract.sql", "-- ci-migrate:contract 20250101000001\nSELECT 2;");

        var migrations = Load(repo).Migrations;

        Assert.That(migrations[0].Up.Phase, Is.EqualTo(CiMigrate.Sql.PhaseDirective.None));
        Assert.Throws<CiMigrate.Sql.SqlSyntaxException>(() => _ = migrations[0].Up.Script);
        Assert.That(migrations[1].Up.Phase.Phase, Is.EqualTo(CiMigrate.Sql.MigrationPhase.Expand));
        Assert.That(migrations[2].Up.Phase, Is.EqualTo(new CiMigrate.Sql.PhaseDirective(CiMigrate.Sql.MigrationPhase.Contract, "20250101000001")));
    }

    [TestCase("-- ci-migrate:expand", true)]
    [TestCase("-- CI-MIGRATE:Contract 20250101000001", true)]
    [TestCase("--ci-miGRATE:expand", true)]
    [TestCase("SELECT 1::int; -- ci-migrate expand", false)]
    [TestCase("SELECT 'grate'::text;", false)]
    [TestCase(":", false)]
    [TestCase("", false)]
    public void Whether_a_file_may_hold_a_directive_is_told_from_its_bytes(string text, bool may) =>
        Assert.That(CiMigrate.Sql.PhaseDirective.MayBeIn(Encoding.UTF8.GetBytes(text)), Is.EqualTo(may));

    [Test]
    public void The_text_is_read_on_first_use_and_a_file_edited_since_discovery_is_refused()
    {
        using var repo = new TempDirectory();
        repo.File("supabase/migrations/20250101000000_a.sql", Header + "CREATE TABLE a();\n");
        repo.File("supabase/migrations/20250101000001_b.sql", Header + "CREATE TABLE b();\n");
        var set = Load(repo);

        repo.File("supabase/migrations/20250101000000_a.sql", Header + "CREATE TABLE a(); DROP TABLE money_tracker.accounts;\n");
        repo.File("supabase/migrations/20250101000001_b.sql", Header.Replace("\n", "\r\n") + "CREATE TABLE b();\r\n");

        var error = Assert.Throws<CiMigrate.ExecutionException>(() => _ = set.Migrations[0].Up.Text)!;
        Assert.That(error.Message, Does.StartWith(
            $"supabase/migrations/20250101000000_a.sql changed on disk while ci-migrate was running (its checksum is no longer {set.Migrations[0].Checksum})."));
        // Line endings are not an edit: the checksum normalises them.
        Assert.That(set.Migrations[1].Up.Text, Is.EqualTo(Header.Replace("\n", "\r\n") + "CREATE TABLE b();\r\n"));
    }

    [Test]
    public void A_missing_folder_is_a_clear_error()
    {
        using var repo = new TempDirectory();

        var error = Assert.Throws<CiMigrate.UsageException>(() => Load(repo))!;

        Assert.That(error.Message, Is.EqualTo("The migrations folder supabase/migrations does not exist."));
    }

    [TestCase("20250208000004_add_basic_categories.sql", "20250208000004", "add_basic_categories", false)]
    [TestCase("20250208000004_add_categories_down.sql", "20250208000004", "add_categories", true)]
    [TestCase("20250208000004_kebab-name.sql", "20250208000004", "kebab-name", false)]
    [TestCase("001_init.sql", "001", "init", false)]
    [TestCase("202401011_nine_digits.sql", "202401011", "nine_digits", false)]
    [TestCase("2025020800004_thirteen.sql", "2025020800004", "thirteen", false)]
    [TestCase("20240101000000_referral.sql.sql", "20240101000000", "referral.sql", false)]
    [TestCase("20240101000000_user@home.sql", "20240101000000", "user@home", false)]
    [TestCase("20250208000004_.sql", "20250208000004", "", false)]
    public void File_names_parse(string fileName, string version, string name, bool down)
    {
        Assert.That(MigrationFileName.TryParse(fileName, out var parsed), Is.True);
        Assert.That(parsed, Is.EqualTo(new MigrationFileName(version, name, down)));
    }

    [TestCase("20250208000004.sql")]
    [TestCase("20250208000004_name.txt")]
    [TestCase("20250208000004_name.SQL")]
    [TestCase("x20250208000004_name.sql")]
    [TestCase("seed.sql")]
    [TestCase("local_20240107152745_ollama.sql")]
    public void Bad_file_names_do_not_parse(string fileName) =>
        Assert.That(MigrationFileName.TryParse(fileName, out _), Is.False);
}
