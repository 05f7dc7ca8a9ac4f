using System.Diagnostics;
using CiMigrate.Tests.Fixtures;
using Npgsql;

namespace CiMigrate.Tests.Execution;

/// <summary>What a run leaves behind when the world misbehaves: concurrent runs, a killed process, a dropped connection.</summary>
public sealed class FaultTests
{
    const string Budgets = "SET search_path TO money_tracker;\nCREATE TABLE IF NOT EXISTS budgets (id int);\n";
    const string Session = "ci-migrate/money-tracker/staging";

    // A migration that runs exactly as long as the test holds the gate: it waits for the test's advisory lock.
    const string GateKey = "4242";
    const string WaitForGate = "SELECT pg_advisory_xact_lock(4242);\n";

    // Lock waits inside a gated migration count against lock_timeout: long enough for any test.
    const string Gated = """{ "databaseUrlEnv": "STAGING_DATABASE_URL", "lockWait": "60s", "lockTimeout": "60s" }""";

    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    const string AppLockHolder =
        "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2 " +
        "AND classid = hashtext('ci-migrate')::oid AND objid = hashtext('money-tracker')::oid";

    [Test]
    public async Task Two_applies_of_the_same_app_overlap_and_the_second_waits_for_the_first()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Environment("staging", Gated);
        repo.Up("20250208000001", "gated", "SET search_path TO money_tracker;\nCREATE TABLE gated (id int);\n" + WaitForGate);
        repo.Up("20250208000002", "create_budgets", Budgets);
        await using var gate = await HoldLockAsync(repo.Staging, GateKey, "test-gate");

        var first = repo.RunAsync("stage-apply");
        var firstPid = await WaitForSessionAsync(repo.Staging, Session, "pg_advisory_xact_lock");
        var second = repo.RunAsync("stage-apply");
        // The second run waits: its session asks pg_locks who holds the app's lock, and the first one holds it.
        var secondPid = await WaitForAsync(() => repo.Staging.ScalarAsync(
            $"SELECT pid FROM pg_stat_activity WHERE application_name = '{Session}' AND pid <> {firstPid} AND query LIKE '%pg_locks%'"),
            "the second run asking who holds the lock");
        Assert.That(await repo.Staging.ScalarAsync(AppLockHolder), Is.EqualTo(firstPid));
        Assert.That(second.IsCompleted, Is.False, "the second run finished while the first held the lock");
        await gate.DisposeAsync();
        var runs = await Task.WhenAll(first, second);

        Assert.That(runs.Select(r => r.ExitCode), Is.EqualTo(new[] { 0, 0 }), string.Join("\n", runs.Select(r => r.Error)));
        Assert.That(runs[0].Output, Does.Contain("applied 2 migration(s)"));
        Assert.That(runs[1].Output, Does.Contain($"held by '{Session}' (pid {firstPid},").And.Contain("nothing to do"));
        Assert.That(secondPid, Is.Not.EqualTo(firstPid));
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.events WHERE kind = 'apply'"), Is.EqualTo(2));
    }

    [Test]
    public async Task A_run_waits_for_the_lock_and_names_its_holder()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Environment("staging", """{ "databaseUrlEnv": "STAGING_DATABASE_URL", "lockWait": "600ms" }""");
        repo.Up("20250208000001", "create_budgets", Budgets);
        repo.Up("20250208000001", "home", "SET search_path TO home_portal;\nCREATE TABLE rooms (id int);\n", app: "home-portal");
        await using var holder = await HoldAppLockAsync(repo.Staging, "money-tracker", Session);

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
        var holder = await HoldAppLockAsync(repo.Staging, "money-tracker", "someone-else");

        var run = repo.RunAsync("stage-apply");
        await WaitForSessionAsync(repo.Staging, Session, "advisory", active: false);
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
        repo.Environment("staging", Gated);
        repo.Up("20250208000001", "gated", "SET search_path TO money_tracker;\nCREATE TABLE gated (id int);\n" + WaitForGate);
        repo.WriteSettings();
        await using var gate = await HoldLockAsync(repo.Staging, GateKey, "test-gate");
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
            var waiting = WaitForSessionAsync(repo.Staging, Session, "pg_advisory_xact_lock");
            var exited = process.WaitForExitAsync();
            Assert.That(await Task.WhenAny(waiting, exited), Is.SameAs(waiting),
                () => $"ci-migrate ended before its migration ran: {output.Result}{error.Result}");
            process.Kill(entireProcessTree: true);
            await exited;
        }

        // The server notices the lost client (client_connection_check_interval) and ends its backend, rolling back.
        await WaitForAsync(async () => await repo.Staging.ScalarAsync(
            $"SELECT true WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = '{Session}')"), "the killed run's backend to end");
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations"), Is.EqualTo(0));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.gated') IS NULL"), Is.True);
        await gate.DisposeAsync();
        var next = await repo.RunAsync("stage-apply");
        Assert.That(next.ExitCode, Is.EqualTo(0), next.Error + next.Output);
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM ci_migrate.applied_migrations"), Is.EqualTo(1));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.gated') IS NOT NULL"), Is.True);
    }

    [Test]
    public async Task Dropped_connection_is_a_clear_error_and_records_nothing()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "create_budgets", Budgets);
        repo.Up("20250208000002", "gated", "SET search_path TO money_tracker;\nCREATE TABLE gated (id int);\n" + WaitForGate);
        repo.Environment("staging", Gated);
        await using var gate = await HoldLockAsync(repo.Staging, GateKey, "test-gate");

        var run = repo.RunAsync("stage-apply");
        var pid = await WaitForSessionAsync(repo.Staging, Session, "pg_advisory_xact_lock");
        await repo.Staging.ExecuteAsync($"SELECT pg_terminate_backend({pid})");
        var result = await run;

        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.Output, Does.Contain(
            "was lost while running apps/money-tracker/supabase/migrations/20250208000002_gated.sql (terminating connection due to administrator command)"));
        Assert.That(result.Output, Does.Contain("that migration is not applied and not recorded"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT string_agg(version, ',') FROM ci_migrate.applied_migrations"), Is.EqualTo("20250208000001"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.gated') IS NULL"), Is.True);
    }

    /// <summary>A session holding the app's lock as ci-migrate takes it, under the given application_name.</summary>
    static Task<NpgsqlConnection> HoldAppLockAsync(TestDatabase database, string app, string applicationName) =>
        HoldLockAsync(database, $"hashtext('ci-migrate'), hashtext('{app}')", applicationName);

    /// <summary>A session holding the advisory lock <paramref name="keys"/> until it is disposed.</summary>
    static async Task<NpgsqlConnection> HoldLockAsync(TestDatabase database, string keys, string applicationName)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            ApplicationName = applicationName,
            Pooling = false,
        }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({keys})", connection);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>Waits until a session of <paramref name="applicationName"/> runs a query; its pid.</summary>
    static async Task<int> WaitForSessionAsync(TestDatabase database, string applicationName, string queryPart, bool active = true) =>
        (int)await WaitForAsync(() => database.ScalarAsync(
            $"SELECT pid FROM pg_stat_activity WHERE application_name = '{applicationName}' AND query LIKE '%{queryPart}%' " +
            (active ? "AND state = 'active' " : "") + "LIMIT 1"), $"a session {applicationName} running {queryPart}");

    /// <summary>Polls <paramref name="probe"/> until it answers; fails the test after <see cref="Deadline"/>.</summary>
    static async Task<object> WaitForAsync(Func<Task<object?>> probe, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            if (await probe() is { } answer)
                return answer;
            if (DateTime.UtcNow > deadline)
                throw new AssertionException($"Gave up after {Deadline.TotalSeconds} s waiting for {what}.");
            await Task.Delay(PollInterval);
        }
    }
}
