using System.Diagnostics;
using CiMigrate.Tests.Fixtures;
using Npgsql;

namespace CiMigrate.Tests.Execution;

/// <summary>What a run leaves behind when the world misbehaves: concurrent runs, a killed process, a dropped connection.</summary>
public sealed class FaultTests
{
    const string Budgets = "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS budgets (id int);\n";

    [Test]
    public async Task Two_applies_of_the_same_app_never_apply_twice()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "slow", "SET search_path TO money_tracker;\nCREATE TABLE slow (id int);\nSELECT pg_sleep(0.5);\n");
        repo.Up("20250208000002", "create_budgets", Budgets);

        var runs = await Task.WhenAll(repo.RunAsync("stage-apply"), repo.RunAsync("stage-apply"));

        Assert.That(runs.Select(r => r.ExitCode), Is.EqualTo(new[] { 0, 0 }), string.Join("\n", runs.Select(r => r.Error)));
        Assert.That(runs.Count(r => r.Output.Contains("applied 2 migration(s)")), Is.EqualTo(1));
        Assert.That(runs.Count(r => r.Output.Contains("nothing to do")), Is.EqualTo(1));
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.events WHERE kind = 'apply'"), Is.EqualTo(2));
    }

    [Test]
    public async Task A_run_waits_for_the_lock_and_names_its_holder()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Environment("staging", """{ "databaseUrlEnv": "STAGING_DATABASE_URL", "lockWait": "600ms" }""");
        repo.Up("20250208000001", "create_budgets", Budgets);
        repo.Up("20250208000001", "home", "SET search_path TO home_portal;\nCREATE TABLE rooms (id int);\n", app: "home-portal");
        await using var holder = await HoldLockAsync(repo.Staging, "money-tracker", "ci-migrate/money-tracker/staging");

        var blocked = await repo.RunAsync("stage-apply", "--app", "money-tracker");
        var otherApp = await repo.RunAsync("stage-apply", "--app", "home-portal");

        Assert.That(blocked.ExitCode, Is.EqualTo(3));
        Assert.That(blocked.Output, Does.Contain("waiting for the migration lock of money-tracker: held by 'ci-migrate/money-tracker/staging' (pid "));
        Assert.That(blocked.Error, Does.Contain("Another run of app 'money-tracker' holds its migration lock: 'ci-migrate/money-tracker/staging'"));
        Assert.That(blocked.Error, Does.Contain("connected since"));
        Assert.That(otherApp.ExitCode, Is.EqualTo(0), otherApp.Error);
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(app, ',') FROM ci_migrate.applied_migrations"), Is.EqualTo("home-portal"));
    }

    [Test]
    public async Task A_waiting_run_applies_once_the_lock_is_released()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);
        var holder = await HoldLockAsync(repo.Staging, "money-tracker", "someone-else");

        var run = repo.RunAsync("stage-apply");
        await WaitForSessionAsync(repo.Staging, "ci-migrate/money-tracker/staging", "advisory", active: false);
        await holder.DisposeAsync();
        var result = await run;

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(result.Output, Does.Contain("held by 'someone-else'"));
        Assert.That(result.Output, Does.Contain("applied 1 migration(s)"));
    }

    [Test]
    public async Task Killed_process_leaves_the_migration_unapplied_and_the_next_run_applies_it()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        var path = repo.Up("20250208000001", "slow", "SET search_path TO money_tracker;\nCREATE TABLE slow (id int);\nSELECT pg_sleep(30);\n");
        repo.WriteSettings();
        // The tool's own build output (with its own deps.json), in the configuration the tests were built in.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var tool = Path.Combine(TestRepository.Root, "src", "CiMigrate", "bin", configuration, "net10.0", "ci-migrate.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { tool, "stage-apply" })
            start.ArgumentList.Add(argument);
        start.Environment["STAGING_DATABASE_URL"] = repo.Staging.ConnectionString;
        start.Environment["PRODUCTION_DATABASE_URL"] = repo.Production.ConnectionString;

        using (var process = Process.Start(start)!)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            var sleeping = WaitForSessionAsync(repo.Staging, "ci-migrate/money-tracker/staging", "pg_sleep");
            var exited = process.WaitForExitAsync();
            Assert.That(await Task.WhenAny(sleeping, exited), Is.SameAs(sleeping),
                () => $"ci-migrate ended before its migration ran: {output.Result}{error.Result}");
            process.Kill(entireProcessTree: true);
            await exited;
        }

        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations"), Is.EqualTo(0));
        File.WriteAllText(path, File.ReadAllText(path).Replace("pg_sleep(30)", "pg_sleep(0)"));
        var next = await repo.RunAsync("stage-apply");
        Assert.That(next.ExitCode, Is.EqualTo(0), next.Error + next.Output);
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations"), Is.EqualTo(1));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.slow') IS NOT NULL"), Is.True);
    }

    [Test]
    public async Task Dropped_connection_is_a_clear_error_and_records_nothing()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);
        repo.Up("20250208000002", "slow", "SET search_path TO money_tracker;\nCREATE TABLE slow (id int);\nSELECT pg_sleep(30);\n");

        var run = repo.RunAsync("stage-apply");
        var pid = await WaitForSessionAsync(repo.Staging, "ci-migrate/money-tracker/staging", "pg_sleep");
        await repo.Staging.ExecuteAsync($"SELECT pg_terminate_backend({pid})");
        var result = await run;

        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.Output, Does.Contain(
            "was lost while running apps/money-tracker/supabase/migrations/20250208000002_slow.sql (terminating connection due to administrator command)"));
        Assert.That(result.Output, Does.Contain("that migration is not applied and not recorded"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(version, ',') FROM ci_migrate.applied_migrations"), Is.EqualTo("20250208000001"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.slow') IS NULL"), Is.True);
    }

    /// <summary>A session holding the app's lock as ci-migrate takes it, under the given application_name.</summary>
    static async Task<NpgsqlConnection> HoldLockAsync(TestDatabase database, string app, string applicationName)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            ApplicationName = applicationName,
            Pooling = false,
        }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext('ci-migrate'), hashtext($1))", connection);
        command.Parameters.Add(new() { Value = app });
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>Waits (without a deadline of its own: NUnit's run timeout applies) until a session runs a query.</summary>
    static async Task<int> WaitForSessionAsync(TestDatabase database, string applicationName, string queryPart, bool active = true)
    {
        while (true)
        {
            var pid = await database.ScalarAsync(
                $"SELECT pid FROM pg_stat_activity WHERE application_name = '{applicationName}' AND query LIKE '%{queryPart}%' " +
                (active ? "AND state = 'active' " : "") + "LIMIT 1");
            if (pid is int found)
                return found;
            await Task.Delay(50);
        }
    }
}
