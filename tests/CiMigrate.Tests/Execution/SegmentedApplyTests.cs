using System.Diagnostics;
using CiMigrate.Tests.Fixtures;
using CiMigrate.Tests.Support;
using Npgsql;

namespace CiMigrate.Tests.Execution;

/// <summary>
/// Files the Supabase CLI runs in parts, on a real server: a CONCURRENTLY index between ordinary statements, and a file of
/// its own BEGIN ... END blocks. Each segment commits with its progress row; a run killed in any segment (its backend
/// terminated at a point the test holds it, no sleeps) resumes at the first segment not committed, each statement's
/// effect once; the end state is what psql running the file gives.
/// </summary>
public sealed class SegmentedApplyTests
{
    const string Tables = """
        SET search_path TO money_tracker;
        CREATE TABLE budgets (id int PRIMARY KEY, amount numeric NOT NULL);
        CREATE TABLE runs (segment int NOT NULL);
        CREATE TABLE gate1 (id int);
        CREATE TABLE gate3 (id int);
        """;

    // Three segments: the statements before the index, the index alone, the statements after it. gate1 and gate3 are
    // tables the test can lock to hold segment 1 or 3; a snapshot it holds open holds the index build (segment 2).
    const string Segmented = """
        SET search_path TO money_tracker;
        INSERT INTO runs VALUES (1);
        ALTER TABLE gate1 ADD COLUMN IF NOT EXISTS seen int;
        CREATE INDEX CONCURRENTLY IF NOT EXISTS budgets_amount ON budgets (amount);
        INSERT INTO runs VALUES (3);
        ALTER TABLE gate3 ADD COLUMN IF NOT EXISTS seen int;
        """;

    const string Progress = "SELECT coalesce(string_agg(segment || '/' || segments, ',' ORDER BY segment), '') FROM ci_migrate.segment_progress";
    const string Recorded = "SELECT count(*) FROM ci_migrate.applied_migrations WHERE version = '20250208000002'";
    const string Runs = "SELECT coalesce(string_agg(segment::text, ',' ORDER BY segment), '') FROM money_tracker.runs";

    [Test]
    public async Task A_concurrent_index_between_two_statements_commits_three_segments_and_the_file_once()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "tables", Tables);
        repo.Up("20250208000002", "index", Segmented);

        var run = await repo.RunAsync("stage-apply", "--verbose");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        Assert.That(run.Output, Does.Contain("20250208000002_index.sql: segment 1 of 3 committed (3 statements at lines 1-3)"));
        Assert.That(run.Output, Does.Contain("20250208000002_index.sql: segment 2 of 3 committed (CREATE INDEX CONCURRENTLY at line 4, outside a transaction)"));
        Assert.That(run.Output, Does.Contain("20250208000002_index.sql: segment 3 of 3 committed (2 statements at lines 5-6)"));
        Assert.That(await repo.Staging.ScalarAsync(Runs), Is.EqualTo("1,3"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT indisvalid FROM pg_index WHERE indexrelid = 'money_tracker.budgets_amount'::regclass"), Is.True);
        Assert.That(await repo.Staging.ScalarAsync(Recorded), Is.EqualTo(1));
        Assert.That(await repo.Staging.ScalarAsync(Progress), Is.EqualTo(""), "the last segment removes the progress rows with the ledger row");
    }

    [TestCase(1, "", "")]
    [TestCase(2, "0/3", "1")]
    [TestCase(3, "0/3,1/3", "1")]
    public async Task A_run_killed_in_a_segment_resumes_at_it_and_each_statement_takes_effect_once(int segment, string progress, string runs)
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "tables", Tables);
        Assert.That((await repo.RunAsync("stage-apply")).ExitCode, Is.EqualTo(0));
        repo.Up("20250208000002", "index", Segmented);

        var killed = await KillInSegmentAsync(repo, segment);
        var status = await repo.RunAsync("status", "--env", "staging");
        var afterKill = (await repo.Staging.ScalarAsync(Progress), await repo.Staging.ScalarAsync(Runs), await repo.Staging.ScalarAsync(Recorded));
        var invalid = await repo.Staging.ScalarAsync("SELECT count(*) FROM pg_index WHERE NOT indisvalid AND indexrelid = to_regclass('money_tracker.budgets_amount')");
        var refused = segment == 2 ? await repo.RunAsync("stage-apply") : null;
        if (segment == 2)
            await repo.Staging.ExecuteAsync("DROP INDEX CONCURRENTLY IF EXISTS money_tracker.budgets_amount");
        var resumed = await repo.RunAsync("stage-apply");

        Assert.That(killed.ExitCode, Is.Not.EqualTo(0), killed.Output);
        Assert.That(afterKill, Is.EqualTo((progress, runs, 0L)));
        Assert.That(invalid, Is.EqualTo(segment == 2 ? 1L : 0L), "an index build killed half-way is left invalid");
        if (segment > 1)
            Assert.That(status.Output, Does.Contain($"partly applied ({segment - 1} of 3 segments)"));
        if (refused is not null)
            Assert.That(refused.Error, Does.Contain("20250208000002_index.sql:4:1: refused (invalid-index)"));
        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Error + resumed.Output);
        if (segment > 1)
            Assert.That(resumed.Output, Does.Contain($"resuming apps/money-tracker/supabase/migrations/20250208000002_index.sql at segment {segment} of 3"));
        Assert.That(await repo.Staging.ScalarAsync(Runs), Is.EqualTo("1,3"), "each INSERT ran once");
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM pg_index WHERE NOT indisvalid"), Is.EqualTo(0));
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM pg_attribute WHERE attname = 'seen' AND attrelid IN ('money_tracker.gate1'::regclass, 'money_tracker.gate3'::regclass)"), Is.EqualTo(2));
        Assert.That(await repo.Staging.ScalarAsync(Recorded), Is.EqualTo(1));
        Assert.That(await repo.Staging.ScalarAsync(Progress), Is.EqualTo(""));
    }

    [Test]
    public async Task A_first_migration_left_partly_applied_resumes_and_is_not_taken_for_a_schema_without_history()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "first", Tables + "\n" + Segmented);

        var killed = await KillInSegmentAsync(repo, 2);
        var progress = await repo.Staging.ScalarAsync(Progress);
        var refused = await repo.RunAsync("stage-apply");
        await repo.Staging.ExecuteAsync("DROP INDEX CONCURRENTLY IF EXISTS money_tracker.budgets_amount");
        var resumed = await repo.RunAsync("stage-apply");

        Assert.That(killed.ExitCode, Is.Not.EqualTo(0), killed.Output);
        Assert.That(progress, Is.EqualTo("0/3"));
        Assert.That(refused.Error, Does.Contain("refused (invalid-index)").And.Not.Contain("schema-without-history"));
        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Error + resumed.Output);
        Assert.That(resumed.Output, Does.Contain("resuming apps/money-tracker/supabase/migrations/20250208000001_first.sql at segment 2 of 3"));
        Assert.That(await repo.Staging.ScalarAsync(Runs), Is.EqualTo("1,3"));
    }

    [Test]
    public async Task An_edit_of_the_applied_part_refuses_naming_the_file_the_segment_and_its_statements()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "tables", Tables);
        Assert.That((await repo.RunAsync("stage-apply")).ExitCode, Is.EqualTo(0));
        var path = repo.Up("20250208000002", "index", Segmented);
        await KillInSegmentAsync(repo, 3);

        File.WriteAllText(path, Segmented.Replace("VALUES (1)", "VALUES (10)", StringComparison.Ordinal));
        var refused = await repo.RunAsync("stage-apply");
        File.WriteAllText(path, Segmented.Replace("VALUES (3)", "VALUES (30)", StringComparison.Ordinal));
        var resumed = await repo.RunAsync("stage-apply");

        Assert.That(refused.ExitCode, Is.EqualTo(2), refused.Error + refused.Output);
        Assert.That(refused.Error, Does.Contain(
            "apps/money-tracker/supabase/migrations/20250208000002_index.sql:1:1: refused (applied-part-changed): segment 1 of 3 committed " +
            "in an earlier run (lines 1-3 then), and its statements changed since (line 1: SET SEARCH PATH; line 2: INSERT; line 3: ALTER TABLE ADD COLUMN)"));
        Assert.That(resumed.ExitCode, Is.EqualTo(0), "an edit after the applied part is what runs: " + resumed.Error);
        Assert.That(await repo.Staging.ScalarAsync(Runs), Is.EqualTo("1,30"));
    }

    [Test]
    public async Task Rollback_refuses_a_partly_applied_migration_and_repair_settles_it_with_its_reason()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "tables", Tables);
        repo.Down("20250208000001", "tables", "DROP TABLE money_tracker.budgets, money_tracker.runs, money_tracker.gate1, money_tracker.gate3;");
        Assert.That((await repo.RunAsync("stage-apply")).ExitCode, Is.EqualTo(0));
        repo.Up("20250208000002", "index", Segmented);
        await KillInSegmentAsync(repo, 3);

        var rollback = await repo.RunAsync("rollback", "--env", "staging");
        var noReason = await repo.RunAsync("repair", "--env", "staging", "--partial", "20250208000002", "--to", "applied");
        var repair = await repo.RunAsync("repair", "--env", "staging", "--partial", "20250208000002", "--to", "applied",
            "--reason", "ran lines 5-6 by hand");
        var status = await repo.RunAsync("status", "--env", "staging", "--format", "json");

        Assert.That(rollback.ExitCode, Is.EqualTo(2), rollback.Error + rollback.Output);
        Assert.That(rollback.Error, Does.Contain("refused (partly-applied): apps/money-tracker/supabase/migrations/20250208000002_index.sql " +
            "is partly applied to staging: 2 of 3 segments committed (lines 1-3, 4). Rollback cannot undo part of a file"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.budgets') IS NOT NULL"), Is.True, "nothing rolled back");
        Assert.That(noReason.ExitCode, Is.EqualTo(2));
        Assert.That(repair.ExitCode, Is.EqualTo(0), repair.Error + repair.Output);
        Assert.That(repair.Output, Does.Contain("marked 20250208000002_index applied: 2 of 3 segments had committed"));
        Assert.That(await repo.Staging.ScalarAsync(Recorded), Is.EqualTo(1));
        Assert.That(await repo.Staging.ScalarAsync(Progress), Is.EqualTo(""));
        Assert.That(await repo.Staging.ScalarAsync("SELECT kind || ': ' || detail FROM ci_migrate.events WHERE version = '20250208000002' ORDER BY id DESC LIMIT 1"),
            Is.EqualTo("repair-partial-applied: apps/money-tracker/supabase/migrations/20250208000002_index.sql: 2 of 3 segments had committed " +
                "(lines 1-3, 4); ran lines 5-6 by hand"));
        Assert.That(status.Output, Does.Not.Contain("artlyApplied"));
    }

    [Test]
    public async Task A_rollback_killed_in_a_down_segment_records_it_stops_apply_and_resumes_with_each_statement_once()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "tables", Tables);
        repo.Up("20250208000002", "index", Segmented);
        // Three segments, as the up file: statements, the index dropped alone, statements (gate3 holds the third).
        repo.Down("20250208000002", "index", """
            SET search_path TO money_tracker;
            INSERT INTO runs VALUES (-1);
            ALTER TABLE gate1 DROP COLUMN IF EXISTS seen;
            DROP INDEX CONCURRENTLY IF EXISTS budgets_amount;
            INSERT INTO runs VALUES (-3);
            ALTER TABLE gate3 DROP COLUMN IF EXISTS seen;
            """);
        Assert.That((await repo.RunAsync("stage-apply")).ExitCode, Is.EqualTo(0));

        var killed = await KillInSegmentAsync(repo, 3, "rollback", "--env", "staging");
        var afterKill = (await repo.Staging.ScalarAsync(Progress), await repo.Staging.ScalarAsync(Runs), await repo.Staging.ScalarAsync(Recorded));
        var status = await repo.RunAsync("status", "--env", "staging");
        var doctor = await repo.RunAsync("doctor", "--env", "staging");
        repo.Up("20250208000003", "later", "SET search_path TO money_tracker;\nCREATE TABLE later (id int);\n");
        var applyOnTop = await repo.RunAsync("stage-apply");
        var resumed = await repo.RunAsync("rollback", "--env", "staging");

        Assert.That(killed.ExitCode, Is.Not.EqualTo(0), killed.Output);
        Assert.That(afterKill, Is.EqualTo(("0/3,1/3", "-1,1,3", 1L)), "two down segments committed, each with its progress row; the row stays");
        Assert.That(status.Output, Does.Contain("partly rolled back (2 of 3 down segments)  20250208000002"));
        Assert.That(doctor.Output + doctor.Error, Does.Contain("money-tracker 20250208000002_index (2 of 3 segments of its down file: partly rolled back)"));
        Assert.That(applyOnTop.ExitCode, Is.EqualTo(2), applyOnTop.Error + applyOnTop.Output);
        Assert.That(applyOnTop.Error, Does.Contain("refused (partly-applied): apps/money-tracker/supabase/migrations/down/20250208000002_index.sql " +
            "is partly run on staging: a rollback committed 2 of 3 segments of it (lines 1-3, 4)"));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.later') IS NULL"), Is.True, "nothing applied on top");
        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Error + resumed.Output);
        Assert.That(resumed.Output, Does.Contain("resuming apps/money-tracker/supabase/migrations/down/20250208000002_index.sql at segment 3 of 3"));
        Assert.That(await repo.Staging.ScalarAsync(Runs), Is.EqualTo("-3,-1,1,3"), "each statement of the down file ran once");
        Assert.That(await repo.Staging.ScalarAsync("SELECT count(*) FROM pg_attribute WHERE attname = 'seen' AND attrelid IN ('money_tracker.gate1'::regclass, 'money_tracker.gate3'::regclass)"), Is.EqualTo(0));
        Assert.That(await repo.Staging.ScalarAsync("SELECT to_regclass('money_tracker.budgets_amount') IS NULL"), Is.True);
        Assert.That(await repo.Staging.ScalarAsync(Recorded), Is.EqualTo(0));
        Assert.That(await repo.Staging.ScalarAsync(Progress), Is.EqualTo(""));
    }

    [Test]
    public async Task Status_in_json_shows_a_partly_applied_migration_with_its_segments()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "tables", Tables);
        Assert.That((await repo.RunAsync("stage-apply")).ExitCode, Is.EqualTo(0));
        repo.Up("20250208000002", "index", Segmented);
        await KillInSegmentAsync(repo, 2);

        var status = await repo.RunAsync("status", "--env", "staging", "--format", "json");

        Assert.That(status.ExitCode, Is.EqualTo(0), status.Error);
        Assert.That(status.Output, Does.Match("\"version\":\\s*\"20250208000002\"[^}]*\"state\":\\s*\"[Pp]artlyApplied\"[^}]*\"segmentsCommitted\":\\s*1,\\s*\"segments\":\\s*3"));
    }

    [Test]
    public async Task Status_for_github_annotates_a_partly_applied_migration_on_its_file()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        repo.Up("20250208000001", "tables", Tables);
        Assert.That((await repo.RunAsync("stage-apply")).ExitCode, Is.EqualTo(0));
        repo.Up("20250208000002", "index", Segmented);
        await KillInSegmentAsync(repo, 3);

        var github = await repo.RunAsync("status", "--env", "staging", "--format", "github");
        var sarif = await repo.RunAsync("status", "--env", "staging", "--format", "sarif");

        Assert.That(github.ExitCode, Is.EqualTo(0), github.Error);
        Assert.That(github.Output, Does.Contain("::error file=apps/money-tracker/supabase/migrations/20250208000002_index.sql,title=partly-applied::" +
            "apps/money-tracker/supabase/migrations/20250208000002_index.sql is partly applied to staging: 2 of 3 segments committed"));
        Assert.That(github.Output, Does.Contain("partly applied (2 of 3 segments)  20250208000002"));
        Assert.That(sarif.ExitCode, Is.EqualTo(0), sarif.Error);
        Assert.That(sarif.Output, Does.Contain("\"ruleId\": \"partly-applied\"").Or.Contain("\"ruleId\":\"partly-applied\""));
    }

    [Test]
    public async Task The_segmented_file_ends_in_the_schema_psql_gives_running_it_statement_by_statement()
    {
        await using var repo = await MigrationRepository.CreateAsync();
        await using var psql = await PostgresServer.CreateDatabaseAsync();
        repo.Up("20250208000001", "tables", Tables);
        repo.Up("20250208000002", "index", Segmented);
        // The schema exists on both, as on a shared database: a schema ci-migrate creates also gets the API roles' USAGE.
        await repo.Staging.ExecuteAsync("CREATE SCHEMA IF NOT EXISTS money_tracker");

        var run = await repo.RunAsync("stage-apply");
        await PsqlAsync(psql, Tables + "\n" + Segmented);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(await DumpAsync(repo.Staging), Is.EqualTo(await DumpAsync(psql)));
    }

    [Test]
    public async Task Three_begin_set_local_role_end_blocks_give_the_state_and_privileges_psql_gives()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (writer, owner) = ($"seg_writer_{suffix}", $"seg_owner_{suffix}");
        await using var repo = await MigrationRepository.CreateAsync();
        await using var psql = await PostgresServer.CreateDatabaseAsync();
        await repo.Staging.ExecuteAsync($"CREATE ROLE {writer}; CREATE ROLE {owner}");
        var setup = $"""
            SET search_path TO money_tracker;
            CREATE TABLE notes (id int PRIMARY KEY, author text NOT NULL DEFAULT current_user);
            GRANT USAGE, CREATE ON SCHEMA money_tracker TO {writer}, {owner};
            GRANT SELECT, INSERT ON notes TO {writer};
            """;
        var blocks = $"""
            SET search_path TO money_tracker;
            begin;
            set local role {writer};
            insert into notes (id) values (1);
            end;
            begin;
            set local role {owner};
            create table owned (id int);
            grant select on owned to {writer};
            end;
            begin;
            insert into notes (id) values (2);
            set local role {writer};
            insert into notes (id) values (3);
            commit;
            insert into notes (id) values (4);
            """;
        repo.Up("20250208000001", "notes", setup);
        repo.Up("20250208000002", "blocks", blocks);
        // The schema exists on both, as on a shared database: a schema ci-migrate creates also gets the API roles' USAGE.
        await repo.Staging.ExecuteAsync("CREATE SCHEMA IF NOT EXISTS money_tracker");

        var run = await repo.RunAsync("stage-apply", "--verbose");
        await PsqlAsync(psql, setup + "\n" + blocks);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        Assert.That(run.Output, Does.Contain("segment 2 of 5 committed (2 statements at lines 3-4)"));
        const string Authors = "SELECT string_agg(id || ':' || author, ',' ORDER BY id) FROM money_tracker.notes";
        Assert.That(await repo.Staging.ScalarAsync(Authors), Is.EqualTo(await psql.ScalarAsync(Authors)));
        Assert.That(await repo.Staging.ScalarAsync(Authors), Does.Contain($"1:{writer}").And.Contain($"3:{writer}"));
        Assert.That(await DumpAsync(repo.Staging), Is.EqualTo(await DumpAsync(psql)));
    }

    /// <summary>
    /// Runs <paramref name="command"/> and terminates its backend once it waits in <paramref name="segment"/>: segments 1 and 3 on a
    /// lock of gate1/gate3 the test holds; segment 2, the index build, on the snapshot of a transaction the test holds open.
    /// </summary>
    /// <param name="repo">The repository and its staging database.</param>
    /// <param name="segment">The segment to kill the run in: 1, 2 or 3.</param>
    /// <param name="command">The run: stage-apply when none is given.</param>
    static async Task<CliRun> KillInSegmentAsync(MigrationRepository repo, int segment, params string[] command)
    {
        await using var holder = await repo.Staging.DataSource.OpenConnectionAsync();
        await using var transaction = await holder.BeginTransactionAsync(segment == 2
            ? System.Data.IsolationLevel.RepeatableRead : System.Data.IsolationLevel.ReadCommitted);
        // Any snapshot held open holds a CONCURRENTLY build, whatever it read (the file's tables may not exist yet).
        await using (var hold = new NpgsqlCommand(segment == 2 ? "SELECT 1"
            : $"LOCK TABLE money_tracker.gate{segment} IN ACCESS EXCLUSIVE MODE", holder, transaction))
            await hold.ExecuteNonQueryAsync();

        var apply = repo.RunAsync(command.Length == 0 ? ["stage-apply"] : command);
        var waitEvent = segment == 2 ? "virtualxid" : "relation";
        await using var watcher = await repo.Staging.DataSource.OpenConnectionAsync();
        await using var kill = new NpgsqlCommand(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'ci-migrate/%' " +
            "AND datname = current_database() AND wait_event_type = 'Lock' AND wait_event = $1", watcher);
        kill.Parameters.Add(new() { Value = waitEvent });
        while (!apply.IsCompleted && await kill.ExecuteScalarAsync() is not true)
            await Task.Yield();
        var killed = await apply;
        await transaction.RollbackAsync();
        return killed;
    }

    /// <summary>psql as a user runs a file: autocommit, statement by statement, its blocks as written, stopping at an error.</summary>
    static async Task PsqlAsync(TestDatabase database, string sql)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "CREATE SCHEMA IF NOT EXISTS money_tracker;\n" + sql);
        try
        {
            var (code, output) = await RunAsync("psql", database, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file);
            Assert.That(code, Is.EqualTo(0), output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The app schema's structure, privileges and rows as pg_dump writes them (its random \restrict key left out).</summary>
    static async Task<string> DumpAsync(TestDatabase database)
    {
        var (code, output) = await RunAsync("pg_dump", database, "--schema=money_tracker", "--no-owner");
        Assert.That(code, Is.EqualTo(0), output);
        return string.Join('\n', output.Split('\n').Where(line => !line.StartsWith("\\restrict", StringComparison.Ordinal)
            && !line.StartsWith("\\unrestrict", StringComparison.Ordinal)));
    }

    static async Task<(int Code, string Output)> RunAsync(string tool, TestDatabase database, params string[] args)
    {
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGPASSWORD"] = connection.Password;
        start.Environment["PGDATABASE"] = connection.Database;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
