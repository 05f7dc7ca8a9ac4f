using CiMigrate.History;
using CiMigrate.Tests.Fixtures;
using Npgsql;

namespace CiMigrate.Tests.History;

/// <summary>The ledger's own schema: created once even by concurrent first runs, and invisible to PostgREST's roles.</summary>
public sealed class LedgerSchemaTests
{
    [Test]
    public async Task Concurrent_first_runs_create_the_ledger_once()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false };

        var found = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
            return await LedgerSchema.EnsureAsync(connection, CancellationToken.None);
        }));

        Assert.That(found.Count(version => version == 0), Is.EqualTo(1), "exactly one run creates the ledger");
        Assert.That(await database.ScalarAsync("SELECT string_agg(version::text, ',') FROM ci_migrate.schema_version"),
            Is.EqualTo(string.Join(',', LedgerScripts.All.Select(s => s.Version))));
    }

    [TestCase("anon")]
    [TestCase("authenticated")]
    public async Task The_ledger_is_out_of_reach_of_postgrest_roles(string role)
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using (var connection = await database.DataSource.OpenConnectionAsync())
            await LedgerSchema.EnsureAsync(connection, CancellationToken.None);

        Assert.That(await database.ScalarAsync($"SELECT has_schema_privilege('{role}', 'ci_migrate', 'USAGE')"), Is.False);
        Assert.That(await database.ScalarAsync(
            $"SELECT bool_or(has_table_privilege('{role}', c.oid, 'SELECT')) FROM pg_class c WHERE c.relnamespace = 'ci_migrate'::regnamespace AND c.relkind = 'r'"),
            Is.False);
    }

    [Test]
    public async Task Events_are_append_only()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using (var connection = await database.DataSource.OpenConnectionAsync())
            await LedgerSchema.EnsureAsync(connection, CancellationToken.None);
        await database.ExecuteAsync("INSERT INTO ci_migrate.events (app, kind) VALUES ('a', 'apply')");

        var error = Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync("DELETE FROM ci_migrate.events"));

        Assert.That(error!.MessageText, Is.EqualTo("ci_migrate.events is append-only"));
    }
}
