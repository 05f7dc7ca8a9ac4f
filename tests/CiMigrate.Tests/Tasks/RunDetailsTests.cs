using System.Text.Json;
using CiMigrate.Tests.Execution;
using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.Tasks;

/// <summary>
/// The small things an adversarial run found (issue 14 item 7, executor side): PostgreSQL's DETAIL, doctor's JSON,
/// rollback of an edited file, one default environment, and an audit that stays append-only.
/// </summary>
public sealed class RunDetailsTests
{
    const string Budgets = "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS budgets (id int);\n";

    [Test]
    public async Task PostgreSQLs_detail_is_shown_with_a_secret_in_it_masked()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        const string Password = "hunter2-very-secret";
        // Socket connections of the test server trust the user: the password is never checked, only known as a secret.
        repo.Variables["STAGING_DATABASE_URL"] = repo.Staging.ConnectionString + $";Password={Password}";
        repo.Up("20250208000001", "secrets", "SET search_path TO money_tracker;\nCREATE TABLE t (v text UNIQUE);\n" +
            $"INSERT INTO t VALUES ('{Password}');\nINSERT INTO t VALUES ('{Password}');\n");

        var run = await repo.RunAsync("stage-apply");

        Assert.That(run.ExitCode, Is.EqualTo(3));
        Assert.That(run.Output, Does.Contain("  detail: Key (v)=(***) already exists."));
        Assert.That(run.Output + run.Error, Does.Not.Contain(Password));
    }

    [Test]
    public async Task Doctor_with_format_json_prints_its_checks_as_json()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        var tcp = (await PostgresServer.GetClusterAsync()).TcpPort;

        var run = await repo.RunAsync("doctor", "--database-url", $"postgresql://postgres@127.0.0.1:{tcp}/{repo.Staging.Name}",
            "--format", "json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        var report = JsonDocument.Parse(run.Output).RootElement;
        var checks = report.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("outcome").GetString());
        Assert.That(checks["authentication"], Is.EqualTo("Passed"));
        Assert.That(checks["ledger"], Is.EqualTo("Warning"));
        Assert.That(report.GetProperty("failed").GetInt32(), Is.EqualTo(0));
        Assert.That(report.GetProperty("passed").GetInt32(), Is.EqualTo(checks.Values.Count(v => v == "Passed")));
    }

    [Test]
    public async Task Rollback_refuses_when_the_up_file_changed_since_it_was_applied()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        var up = repo.Up("20250208000001", "create_budgets", Budgets);
        repo.Down("20250208000001", "create_budgets", "SET search_path TO money_tracker;\nDROP TABLE budgets;\n");
        await repo.RunAsync("stage-apply");
        File.AppendAllText(up, "ALTER TABLE budgets ADD COLUMN note text;\n");

        var run = await repo.RunAsync("rollback", "--env", "staging");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain(
            "refused (edited-migration): apps/money-tracker/supabase/migrations/20250208000001_create_budgets.sql was edited after it was applied to staging"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.budgets') IS NOT NULL"), Is.True);
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations"), Is.EqualTo(1));
    }

    [Test]
    public async Task Without_env_status_rollback_and_stage_apply_name_the_same_environment()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);
        repo.Down("20250208000001", "create_budgets", "SET search_path TO money_tracker;\nDROP TABLE budgets;\n");
        var url = repo.Staging.ConnectionString;

        var applied = await repo.RunAsync("stage-apply", "--database-url", url);
        var status = await repo.RunAsync("status", "--database-url", url);
        var rolledBack = await repo.RunAsync("rollback", "--database-url", url);

        Assert.That((applied.ExitCode, status.ExitCode, rolledBack.ExitCode), Is.EqualTo((0, 0, 0)), applied.Error + status.Error + rolledBack.Error);
        Assert.That(status.Output, Does.StartWith("money-tracker on staging ("));
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(kind || ' ' || environment, ',' ORDER BY id) FROM ci_migrate.events"),
            Is.EqualTo("apply staging,rollback staging"));
    }

    [Test]
    public async Task Events_stay_append_only_for_a_session_that_skips_replica_triggers()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);
        await repo.RunAsync("stage-apply");

        Assert.That(() => repo.Staging.ExecuteAsync("SET session_replication_role = replica; DELETE FROM ci_migrate.events"),
            Throws.InstanceOf<Npgsql.PostgresException>().With.Property("MessageText").EqualTo("ci_migrate.events is append-only"));
        Assert.That(() => repo.Staging.ExecuteAsync("SET session_replication_role = replica; UPDATE ci_migrate.events SET detail = 'x'"),
            Throws.InstanceOf<Npgsql.PostgresException>().With.Property("MessageText").EqualTo("ci_migrate.events is append-only"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.events"), Is.EqualTo(1));
    }
}
