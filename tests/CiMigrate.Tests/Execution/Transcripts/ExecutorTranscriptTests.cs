using System.Text;
using System.Text.RegularExpressions;
using CiMigrate.Configuration;
using CiMigrate.Execution;
using CiMigrate.History;
using CiMigrate.Migrations;
using CiMigrate.Tests.Fixtures;
using CiMigrate.Tests.Support;
using Npgsql;

namespace CiMigrate.Tests.Execution.Transcripts;

/// <summary>
/// Apply and rollback in each transaction mode, as transcripts: what was sent to the server (statements, transaction
/// boundaries, round trips), the events, and the rows left behind in the ledger and the Supabase CLI's history, compared with the approved files beside
/// these tests (see <see cref="ApprovedTranscript"/>).
/// </summary>
public sealed partial class ExecutorTranscriptTests
{
    static readonly EnvironmentSettings Staging = new() { Name = "staging" };
    static readonly RunProvenance Provenance = new("staging", "transcript-test", "0123abc", null, null);

    TempDirectory _folder = null!;
    TestDatabase _database = null!;
    RecordingProxy _proxy = null!;

    AppSettings App => new("money-tracker", "money_tracker", Path.Combine(_folder.Path, "migrations"));

    [SetUp]
    public async Task StartAsync()
    {
        _folder = new TempDirectory();
        _database = await PostgresServer.CreateDatabaseAsync();
        _proxy = new RecordingProxy((await PostgresServer.GetClusterAsync()).TcpPort!.Value);
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _proxy.DisposeAsync();
        await _database.DisposeAsync();
        _folder.Dispose();
    }

    void Up(string file, string sql) => _folder.File($"migrations/{file}", sql);

    void Down(string file, string sql) => _folder.File($"migrations/down/{file}", sql);

    [Test]
    public async Task Apply_runs_each_file_in_its_own_transaction_with_its_ledger_row()
    {
        Up("20250101000001_budgets.sql", "CREATE TABLE budgets (id int);\n");
        Up("20250101000002_rows.sql", "INSERT INTO budgets VALUES (1);\nINSERT INTO budgets VALUES (2);\n");

        ApprovedTranscript.Verify("apply-per-file", await TranscriptAsync((executor, set) =>
            executor.ApplyAsync(set.Migrations, new ApplyOptions { Provenance = Provenance }, CancellationToken.None)));
    }

    [Test]
    public async Task Apply_stops_at_a_failing_file_and_rolls_back_its_transaction()
    {
        Up("20250101000001_budgets.sql", "CREATE TABLE budgets (id int);\n");
        Up("20250101000002_broken.sql", "INSERT INTO budgets VALUES (1);\nINSERT INTO budgets VALUES ('x');\n");
        Up("20250101000003_never.sql", "CREATE TABLE never (id int);\n");

        ApprovedTranscript.Verify("apply-per-file-failure", await TranscriptAsync((executor, set) =>
            executor.ApplyAsync(set.Migrations, new ApplyOptions { Provenance = Provenance }, CancellationToken.None)));
    }

    [Test]
    public async Task Atomic_apply_runs_every_file_in_one_transaction()
    {
        Up("20250101000001_budgets.sql", "CREATE TABLE budgets (id int);\n");
        Up("20250101000002_rows.sql", "INSERT INTO budgets VALUES (1);\n");

        ApprovedTranscript.Verify("apply-atomic", await TranscriptAsync((executor, set) =>
            executor.ApplyAsync(set.Migrations, new ApplyOptions { Provenance = Provenance, Atomic = true }, CancellationToken.None)));
    }

    [Test]
    public async Task Atomic_apply_that_fails_leaves_nothing()
    {
        Up("20250101000001_budgets.sql", "CREATE TABLE budgets (id int);\n");
        Up("20250101000002_broken.sql", "INSERT INTO budgets VALUES ('x');\n");

        ApprovedTranscript.Verify("apply-atomic-failure", await TranscriptAsync((executor, set) =>
            executor.ApplyAsync(set.Migrations, new ApplyOptions { Provenance = Provenance, Atomic = true }, CancellationToken.None)));
    }

    [Test]
    public async Task Dry_run_creates_the_schema_inside_the_transaction_and_rolls_everything_back()
    {
        Up("20250101000001_budgets.sql", "CREATE TABLE budgets (id int);\n");
        Up("20250101000002_rows.sql", "INSERT INTO budgets VALUES (1);\n");

        ApprovedTranscript.Verify("apply-dry-run", await TranscriptAsync((executor, set) =>
            executor.ApplyAsync(set.Migrations, new ApplyOptions { Provenance = Provenance, DryRun = true }, CancellationToken.None)));
    }

    [Test]
    public async Task No_transaction_file_runs_statement_by_statement_and_is_recorded_after_its_last()
    {
        Up("20250101000001_budgets.sql", "CREATE TABLE budgets (id int);\n");
        Up("20250101000002_index.sql",
            "-- ci-migrate:no-transaction\nCREATE INDEX CONCURRENTLY IF NOT EXISTS budgets_id ON budgets (id);\nANALYZE budgets;\n");

        ApprovedTranscript.Verify("apply-no-transaction", await TranscriptAsync((executor, set) =>
            executor.ApplyAsync(set.Migrations, new ApplyOptions { Provenance = Provenance }, CancellationToken.None)));
    }

    [Test]
    public async Task Rollback_runs_down_files_newest_first_each_removing_its_ledger_row()
    {
        Up("20250101000001_budgets.sql", "CREATE TABLE budgets (id int);\n");
        Up("20250101000002_goals.sql", "CREATE TABLE goals (id int);\n");
        Down("20250101000001_budgets.sql", "DROP TABLE budgets;\n");
        Down("20250101000002_goals.sql", "DROP TABLE goals;\n");

        ApprovedTranscript.Verify("rollback-per-file", await TranscriptAsync(async (executor, set) =>
        {
            await ApplyUnrecordedAsync(set);
            return await executor.RollbackAsync([.. set.Migrations.Reverse()], Provenance, CancellationToken.None);
        }));
    }

    [Test]
    public async Task Rollback_of_a_no_transaction_down_file_runs_statement_by_statement()
    {
        Up("20250101000001_budgets.sql", "CREATE TABLE budgets (id int);\n");
        Up("20250101000002_index.sql", "-- ci-migrate:no-transaction\nCREATE INDEX CONCURRENTLY budgets_id ON budgets (id);\n");
        Down("20250101000002_index.sql", "-- ci-migrate:no-transaction\nDROP INDEX CONCURRENTLY IF EXISTS budgets_id;\n");

        ApprovedTranscript.Verify("rollback-no-transaction", await TranscriptAsync(async (executor, set) =>
        {
            await ApplyUnrecordedAsync(set);
            return await executor.RollbackAsync([set.Migrations[1]], Provenance, CancellationToken.None);
        }));
    }

    /// <summary>
    /// Runs <paramref name="run"/> on a session through the proxy (the session's own setup not recorded) and returns
    /// the transcript: what was sent, the events, the ledger rows.
    /// </summary>
    async Task<string> TranscriptAsync(Func<MigrationExecutor, MigrationSet, Task<ExecutionOutcome>> run)
    {
        var set = MigrationSet.Load(App, _folder.Path);
        var connectionString = new NpgsqlConnectionStringBuilder(_database.ConnectionString)
        {
            Host = "127.0.0.1",
            Port = _proxy.Port,
            SslMode = SslMode.Disable,
        }.ConnectionString;
        ExecutionOutcome outcome;
        await using (var session = await MigrationSession.OpenAsync(new ConnectionStringTarget(connectionString), App, Staging,
            SessionMode.Write, new ExecutionLog(), CancellationToken.None))
        {
            _proxy.Recording = true;
            outcome = await run(new MigrationExecutor(session, new ExecutionLog()), set);
            _proxy.Recording = false;
        }

        var text = new StringBuilder("== sent\n");
        var previous = "";
        foreach (var line in _proxy.Lines)
        {
            // The guard's secret is new for each file: the transcript shows where it goes, not its value.
            text.Append(previous.Contains("ci_migrate.guard_", StringComparison.Ordinal) && line.StartsWith("   with (", StringComparison.Ordinal)
                ? "   with ((secret))" : line).Append('\n');
            previous = line;
        }

        text.Append("== events\n");
        foreach (var executionEvent in outcome.Events)
            text.Append(Durations().Replace(executionEvent.ToString(), "${name} = (time)")).Append('\n');
        text.Append("== ledger: applied_migrations\n");
        await AppendRowsAsync(text, "SELECT app, version, name, left(checksum, 12), applied_by, environment, git_sha " +
            "FROM ci_migrate.applied_migrations ORDER BY version");
        text.Append("== ledger: events\n");
        await AppendRowsAsync(text, "SELECT app, version, kind, environment, detail FROM ci_migrate.events ORDER BY id");
        text.Append("== supabase_migrations.schema_migrations\n");
        await AppendRowsAsync(text, "SELECT version, name, array_length(statements, 1) FROM supabase_migrations.schema_migrations ORDER BY version");
        return text.ToString();
    }

    /// <summary>The up files' effect without the executor, for a rollback to undo (their rows in both histories written by hand).</summary>
    async Task ApplyUnrecordedAsync(MigrationSet set)
    {
        var sql = new StringBuilder("CREATE SCHEMA IF NOT EXISTS money_tracker; SET search_path TO money_tracker;\n");
        foreach (var migration in set.Migrations)
        {
            sql.Append(migration.Up.Text.Replace("CONCURRENTLY ", "", StringComparison.Ordinal)).Append('\n');
            sql.Append($"INSERT INTO ci_migrate.applied_migrations (app, version, name, checksum, applied_by, duration_ms, environment) " +
                $"VALUES ('money-tracker', '{migration.Version}', '{migration.Name}', '{migration.Checksum}', 'setup', 0, 'staging');\n");
            sql.Append($"INSERT INTO supabase_migrations.schema_migrations (version, name) VALUES ('{migration.Version}', '{migration.Name}');\n");
        }

        // Through the test's own data source, not the proxy: the setup is no part of the transcript.
        await _database.ExecuteAsync(sql.ToString());
    }

    async Task AppendRowsAsync(StringBuilder text, string sql)
    {
        await using var command = _database.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var values = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
            text.Append(string.Join(" | ", values)).Append('\n');
        }
    }

    [GeneratedRegex(@"(?<name>Duration|Waited) = [0-9:.]+")]
    private static partial Regex Durations();
}
