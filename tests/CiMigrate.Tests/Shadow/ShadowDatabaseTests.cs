using CiMigrate.Hosting;
using CiMigrate.Shadow;
using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.Shadow;

public sealed class ShadowDatabaseTests
{
    [Test]
    public async Task An_existing_server_shadow_creates_a_baseline_scratch_database_and_drops_it()
    {
        var cluster = await PostgresServer.GetClusterAsync();
        string name;
        await using (var shadow = new ExistingServerShadow(cluster.ConnectionString()))
        {
            await using var database = await shadow.CreateDatabaseAsync();
            name = database.Name;
            Assert.That(name, Does.StartWith("ci_migrate_shadow_"));
            Assert.That(await DatabaseExistsAsync(cluster, name), Is.True);
            await using var command = database.DataSource.CreateCommand("SELECT to_regprocedure('auth.uid()') IS NOT NULL");
            Assert.That(await command.ExecuteScalarAsync(), Is.True);
        }

        Assert.That(await DatabaseExistsAsync(cluster, name), Is.False);
    }

    [Test]
    public async Task Disposing_an_existing_server_shadow_drops_the_databases_it_still_holds()
    {
        var cluster = await PostgresServer.GetClusterAsync();
        var shadow = new ExistingServerShadow(cluster.ConnectionString());
        var first = await shadow.CreateDatabaseAsync();
        var second = await shadow.CreateDatabaseAsync();
        Assert.That(first.Name, Is.Not.EqualTo(second.Name));

        await shadow.DisposeAsync();

        Assert.That(await DatabaseExistsAsync(cluster, first.Name), Is.False);
        Assert.That(await DatabaseExistsAsync(cluster, second.Name), Is.False);
    }

    [Test]
    public async Task An_unreachable_existing_server_is_an_execution_error_without_the_password()
    {
        await using var shadow = new ExistingServerShadow("Host=/nonexistent-socket-dir;Username=postgres;Password=hunter2;Timeout=2");
        var error = Assert.ThrowsAsync<ExecutionException>(async () => await shadow.CreateDatabaseAsync());
        Assert.That(error!.Message, Does.StartWith("Shadow server /nonexistent-socket-dir:5432/"));
        Assert.That(error.Message, Does.Not.Contain("hunter2"));
    }

    [Test]
    public async Task A_throwaway_shadow_hands_out_baseline_databases_and_stops_its_cluster()
    {
        string folder;
        await using (var shadow = await ThrowawayShadow.StartAsync())
        {
            folder = shadow.Cluster.Folder;
            await using var database = await shadow.CreateDatabaseAsync();
            await using var command = database.DataSource.CreateCommand("SELECT count(*) FROM pg_roles WHERE rolname = 'service_role'");
            Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(1L));
            Assert.That(database.ConnectionString, Does.Contain(database.Name));
        }

        Assert.That(Directory.Exists(folder), Is.False);
    }

    static async Task<bool> DatabaseExistsAsync(ThrowawayCluster cluster, string name)
    {
        await using var command = cluster.DataSource().CreateCommand($"SELECT EXISTS (SELECT FROM pg_database WHERE datname = '{name}')");
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
