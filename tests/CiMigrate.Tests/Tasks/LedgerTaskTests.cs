using System.Text.Json;
using CiMigrate.Tests.Execution;

namespace CiMigrate.Tests.Tasks;

/// <summary>status, baseline and repair: reading and deliberately fixing the ledger.</summary>
public sealed class LedgerTaskTests
{
    [Test]
    public async Task Status_shows_every_state_in_json()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        var edited = repo.Up("20250208000002", "edited", "SET search_path TO money_tracker;\nCREATE TABLE a (id int);\n");
        var gone = repo.Up("20250208000003", "gone", "SET search_path TO money_tracker;\nCREATE TABLE b (id int);\n");
        repo.Up("20250208000004", "applied", "SET search_path TO money_tracker;\nCREATE TABLE c (id int);\n");
        await repo.RunAsync("stage-apply");
        File.AppendAllText(edited, "-- edit\n");
        File.Delete(gone);
        repo.Up("20250208000001", "late", "SELECT 1;");
        repo.Up("20250208000005", "pending", "SELECT 1;");

        var run = await repo.RunAsync("status", "--env", "staging", "--format", "json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var states = JsonDocument.Parse(run.Output).RootElement.GetProperty("migrations").EnumerateArray()
            .Select(m => $"{m.GetProperty("version").GetString()} {m.GetProperty("state").GetString()}");
        Assert.That(states, Is.EqualTo(new[]
        {
            "20250208000001 OutOfOrder", "20250208000002 Edited", "20250208000003 MissingLocally", "20250208000004 Applied",
            "20250208000005 Pending",
        }));
    }

    [Test]
    public async Task Status_ignores_other_apps_and_creates_nothing()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "rooms", "SET search_path TO home_portal;\nCREATE TABLE rooms (id int);\n", app: "home-portal");
        repo.Up("20250208000001", "budgets", "SET search_path TO money_tracker;\nCREATE TABLE budgets (id int);\n");

        var before = await repo.RunAsync("status", "--env", "staging", "--app", "money-tracker");
        await repo.RunAsync("stage-apply", "--app", "home-portal");
        var after = await repo.RunAsync("status", "--env", "staging", "--app", "money-tracker");

        Assert.That(before.Output, Does.Match(@"\n  pending\s+20250208000001  budgets\b"));
        Assert.That(await repo.Production.ScalarAsync("SELECT to_regnamespace('ci_migrate') IS NULL"), Is.True);
        Assert.That(after.Output, Does.Contain("1 pending"));
        Assert.That(after.Output, Does.Not.Contain("rooms"));
    }

    [Test]
    public async Task Baseline_marks_migrations_applied_without_running_them()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "by_hand", "SET search_path TO money_tracker;\nCREATE TABLE by_hand (id int);\n");
        repo.Up("20250208000002", "also_by_hand", "SET search_path TO money_tracker;\nCREATE TABLE also_by_hand (id int);\n");
        repo.Up("20250208000003", "new", "SET search_path TO money_tracker;\nCREATE TABLE new_one (id int);\n");

        var baseline = await repo.RunAsync("baseline", "--env", "staging", "--to", "20250208000002");
        var apply = await repo.RunAsync("stage-apply");

        Assert.That(baseline.ExitCode, Is.EqualTo(0), baseline.Error);
        Assert.That(baseline.Output, Does.Contain("marked 2 migration(s) as applied"));
        Assert.That(apply.Output, Does.Contain("applied 1 migration(s)"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.by_hand') IS NULL"), Is.True);
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(kind, ',' ORDER BY id) FROM ci_migrate.events"), Is.EqualTo("baseline,baseline,apply"));
    }

    [Test]
    public async Task Baseline_from_supabase_takes_the_versions_shared_with_its_history()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        await repo.Staging.ExecuteAsync(
            "INSERT INTO supabase_migrations.schema_migrations (version, name) VALUES ('20250208000001', 'by_hand'), ('20240101000000', 'older')");
        await repo.Staging.ExecuteAsync("CREATE SCHEMA money_tracker; CREATE TABLE money_tracker.by_hand (id int);");
        var supabaseRows = await repo.Staging.ScalarAsync("SELECT count(*) FROM supabase_migrations.schema_migrations");
        repo.Up("20250208000001", "by_hand", "SET search_path TO money_tracker;\nCREATE TABLE by_hand (id int);\n");
        repo.Up("20250208000002", "not_yet", "SET search_path TO money_tracker;\nCREATE TABLE not_yet (id int);\n");

        var run = await repo.RunAsync("baseline", "--env", "staging", "--from-supabase");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(version, ',') FROM ci_migrate.applied_migrations"), Is.EqualTo("20250208000001"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM supabase_migrations.schema_migrations"), Is.EqualTo(supabaseRows));
    }

    [Test]
    public async Task Repair_accepts_an_edited_checksum_and_forgets_a_version()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        var path = repo.Up("20250208000001", "create_budgets", "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS budgets (id int);\n");
        await repo.RunAsync("stage-apply");
        File.AppendAllText(path, "-- a harmless comment\n");

        var blocked = await repo.RunAsync("stage-apply");
        var accepted = await repo.RunAsync("repair", "--env", "staging", "--accept-checksum", "20250208000001");
        var unblocked = await repo.RunAsync("stage-apply");
        var forgotten = await repo.RunAsync("repair", "--env", "staging", "--forget", "20250208000001");
        var reapplied = await repo.RunAsync("stage-apply");

        Assert.That(blocked.ExitCode, Is.EqualTo(2));
        Assert.That(accepted.ExitCode, Is.EqualTo(0), accepted.Error);
        Assert.That(unblocked.Output, Does.Contain("nothing to do"));
        Assert.That(forgotten.Output, Does.Contain("forgot 20250208000001_create_budgets"));
        Assert.That(reapplied.Output, Does.Contain("applied 1 migration(s)"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(kind, ',' ORDER BY id) FROM ci_migrate.events"),
            Is.EqualTo("apply,repair-accept-checksum,repair-forget,apply"));
    }
}
