using CiMigrate.Shadow;
using CiMigrate.Tests.Fixtures;
using CiMigrate.Tests.Support;
using Npgsql;

namespace CiMigrate.Tests.Execution;

/// <summary>A target that cannot be used is one clear sentence, with the password masked.</summary>
public sealed class ConnectionTests
{
    const string Secret = "s3cret-Pa55word";

    [Test]
    public async Task Unreachable_server_is_one_clear_sentence_without_the_password()
    {
        using var folder = new TempDirectory();
        folder.File("supabase/migrations/20250208000001_init.sql", "SET search_path TO app;\nCREATE TABLE t (id int);\n");

        var run = await CliRun.RunAsync(folder.Path, "stage-apply",
            "--database-url", $"postgresql://postgres:{Secret}@127.0.0.1:1/postgres");

        Assert.That(run.ExitCode, Is.EqualTo(3));
        Assert.That(run.Error, Does.StartWith("error: Cannot reach the database at postgres@127.0.0.1:1/postgres:"));
        Assert.That(run.Error + run.Output, Does.Not.Contain(Secret));
    }

    [Test]
    public async Task A_bad_file_is_named_before_an_unreachable_server_though_both_are_tried_at_once()
    {
        using var folder = new TempDirectory();
        folder.File("supabase/migrations/20250208000001_init.sql", "SET search_path TO app;\nCREATE TABLE t (id int);\n");
        folder.File("supabase/migrations/20250208000002_empty.sql", " \n");

        var run = await CliRun.RunAsync(folder.Path, "stage-apply",
            "--database-url", $"postgresql://postgres:{Secret}@127.0.0.1:1/postgres");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Is.EqualTo("error: supabase/migrations/20250208000002_empty.sql: the file is empty." + Environment.NewLine));
    }

    [Test]
    public async Task A_bad_file_stops_an_apply_before_the_ledger_is_created_though_the_session_connects_meanwhile()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        using var folder = new TempDirectory();
        folder.File("supabase/migrations/20250208000001_init.sql", "SET search_path TO app;\nCREATE TABLE t (id int);\n");
        folder.File("supabase/migrations/20250208000002_latin1.sql", [.. "SELECT 'caf"u8, 0xE9, .. "';"u8]);

        var run = await CliRun.RunAsync(folder.Path, "stage-apply", "--database-url", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.Contain("supabase/migrations/20250208000002_latin1.sql:1:12: the file is not valid UTF-8"));
        Assert.That(await database.ScalarAsync("SELECT to_regclass('ci_migrate.applied_migrations') IS NULL"), Is.True);
    }

    [Test]
    public async Task Wrong_password_is_one_clear_sentence_without_the_password()
    {
        var hba = Path.Combine(Path.GetTempPath(), $"ci-migrate-hba-{Guid.NewGuid():N}.conf");
        File.WriteAllText(hba, "local all postgres trust\nhost all all 127.0.0.1/32 scram-sha-256\n");
        try
        {
            await using var cluster = await ThrowawayCluster.StartAsync(new ThrowawayClusterOptions
            {
                ListenOnTcp = true,
                CreateSupabaseTemplate = false,
                Settings = new Dictionary<string, string> { ["hba_file"] = hba },
            });
            await using (var create = cluster.DataSource().CreateCommand("CREATE ROLE migrator LOGIN PASSWORD 'the-right-one'"))
                await create.ExecuteNonQueryAsync();
            using var folder = new TempDirectory();
            folder.File("supabase/migrations/20250208000001_init.sql", "SET search_path TO app;\nCREATE TABLE t (id int);\n");

            var run = await CliRun.RunAsync(folder.Path, "stage-apply",
                "--database-url", $"postgresql://migrator:{Secret}@127.0.0.1:{cluster.TcpPort}/postgres");

            Assert.That(run.ExitCode, Is.EqualTo(3));
            Assert.That(run.Error.Trim(), Is.EqualTo(
                $"error: The database at migrator@127.0.0.1:{cluster.TcpPort}/postgres rejected the password: check the secret that holds the connection string."));
        }
        finally
        {
            File.Delete(hba);
        }
    }

    [Test]
    public async Task Missing_schema_with_create_schema_off_is_one_clear_sentence()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Environment("staging", """{ "databaseUrlEnv": "STAGING_DATABASE_URL", "createSchema": false }""");
        repo.Up("20250208000001", "create_budgets", "CREATE TABLE budgets (id int);");

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(3));
        Assert.That(run.Error, Does.Contain(
            "refused (schema-missing): The schema money_tracker of app 'money-tracker' does not exist in postgres@").And.Contain(
            "and createSchema is off for environment 'staging'.\n  Create the schema, or set createSchema to true."));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('public.budgets') IS NULL"), Is.True);
    }

    [Test]
    public async Task Role_without_create_privilege_is_one_clear_sentence()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        var role = $"limited_{Guid.NewGuid():N}"[..20];
        await repo.Staging.ExecuteAsync($"CREATE ROLE {role} LOGIN; REVOKE CREATE ON DATABASE \"{repo.Staging.Name}\" FROM PUBLIC");
        repo.Variables["STAGING_DATABASE_URL"] = new NpgsqlConnectionStringBuilder(repo.Staging.ConnectionString) { Username = role }.ConnectionString;
        repo.Up("20250208000001", "create_budgets", "CREATE TABLE budgets (id int);");

        try
        {
            var run = await repo.RunAsync("stage-apply");

            Assert.That(run.ExitCode, Is.EqualTo(3));
            Assert.That(run.Error, Does.Contain(
                $"error: The role {role} may not create or upgrade the ledger schema ci_migrate in database {repo.Staging.Name} " +
                $"(permission denied for database {repo.Staging.Name}): grant it CREATE ON DATABASE {repo.Staging.Name}, " +
                "or run ci-migrate once as the database owner."));
        }
        finally
        {
            await repo.Staging.ExecuteAsync($"DROP OWNED BY {role}; DROP ROLE {role}");
        }
    }
}
