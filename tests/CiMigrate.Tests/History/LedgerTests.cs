using CiMigrate.Tests.Execution;

namespace CiMigrate.Tests.History;

/// <summary>One app's ledger rows next to another's on the shared database.</summary>
public sealed class LedgerTests
{
    [Test]
    public async Task Another_apps_rows_are_never_an_error_and_never_changed()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "rooms", "SET search_path TO home_portal;\nCREATE TABLE rooms (id int);\n", app: "home-portal");
        repo.Up("20250208000009", "newer", "SET search_path TO home_portal;\nCREATE TABLE newer (id int);\n", app: "home-portal");
        repo.Up("20250208000002", "budgets", "SET search_path TO money_tracker;\nCREATE TABLE budgets (id int);\n");
        repo.Down("20250208000002", "budgets", "SET search_path TO money_tracker;\nDROP TABLE budgets;\n");
        await repo.RunAsync("stage-apply", "--app", "home-portal");
        var before = await repo.Staging.ScalarAsync("SELECT string_agg(concat_ws('|', app, version, checksum, applied_at), ',') FROM ci_migrate.applied_migrations");

        // An older version than home-portal's newest: not out of order, because the order is per app.
        var apply = await repo.RunAsync("stage-apply", "--app", "money-tracker");
        var rollback = await repo.RunAsync("rollback", "--env", "staging", "--app", "money-tracker");

        Assert.That(apply.ExitCode, Is.EqualTo(0), apply.Error);
        Assert.That(rollback.ExitCode, Is.EqualTo(0), rollback.Error);
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(concat_ws('|', app, version, checksum, applied_at), ',') FROM ci_migrate.applied_migrations"),
            Is.EqualTo(before));
    }
}
