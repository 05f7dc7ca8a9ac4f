using CiMigrate.Sql;
using CiMigrate.Tests.Fixtures;
using Npgsql;

namespace CiMigrate.Tests.Sql;

/// <summary>
/// Proves the splitter cuts where PostgreSQL does: each statement, sent alone, executes on a real server.
/// Sent with one unused positional parameter, Npgsql passes the text verbatim over the extended protocol
/// (no client-side splitting at ';', which would break BEGIN ATOMIC bodies), and the extended protocol refuses
/// more than one command: a statement the splitter failed to cut fails here.
/// </summary>
sealed class PostgresSplitTests
{
    [Test]
    public async Task Every_statement_of_the_torture_file_runs_alone_on_PostgreSQL()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();

        await RunEachStatementAsync(database, Path.Combine(AppContext.BaseDirectory, "Sql", "golden", "torture.sql"));
    }

    [Test]
    public async Task Two_statements_sent_as_one_are_refused_so_the_check_can_fail()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var connection = await database.DataSource.OpenConnectionAsync();

        var error = Assert.ThrowsAsync<PostgresException>(() => ExecuteAloneAsync(connection, "SELECT 1; SELECT 2"))!;

        Assert.That(error.SqlState, Is.EqualTo(PostgresErrorCodes.SyntaxError));
    }

    static IEnumerable<TestCaseData> ExampleApps()
    {
        foreach (var migrations in Directory.GetDirectories(Path.Combine(TestRepository.Examples, "apps"), "migrations",
                     SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var app = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(migrations)))!;
            yield return new TestCaseData(app, migrations).SetArgDisplayNames(app);
        }
    }

    /// <summary>Up files in version order, then the unsafe lint demo of the app, then down files newest first.</summary>
    [TestCaseSource(nameof(ExampleApps))]
    public async Task Every_statement_of_the_examples_runs_alone_on_PostgreSQL(string app, string migrations)
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var unsafeFolder = Path.Combine(TestRepository.Examples, "unsafe", app);
        var files = Directory.GetFiles(migrations, "*.sql").Order(StringComparer.Ordinal)
            .Concat(Directory.Exists(unsafeFolder) ? Directory.GetFiles(unsafeFolder, "*.sql").Order(StringComparer.Ordinal) : [])
            .Concat(Directory.Exists(Path.Combine(migrations, "down"))
                ? Directory.GetFiles(Path.Combine(migrations, "down"), "*.sql").OrderDescending(StringComparer.Ordinal)
                : []);

        foreach (var file in files)
            await RunEachStatementAsync(database, file);
    }

    static async Task RunEachStatementAsync(TestDatabase database, string file)
    {
        var script = SqlScript.Parse(await File.ReadAllTextAsync(file), file);
        Assert.That(script.Statements, Is.Not.Empty, file);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        foreach (var statement in script.Statements)
        {
            try
            {
                await ExecuteAloneAsync(connection, statement.Text);
            }
            catch (PostgresException ex)
            {
                var at = ex.Position > 0 ? statement.LocationOfServerPosition(ex.Position) : new SqlLocation(statement.Line, statement.Column);
                Assert.Fail($"{file}:{at}: statement #{statement.Index} failed alone: {ex.MessageText}\n{statement.Text}");
            }
        }
    }

    static async Task ExecuteAloneAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = 0 });
        await command.ExecuteNonQueryAsync();
    }
}
