using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests;

/// <summary>
/// Stops the shared PostgreSQL after the last test. NUnit applies a SetUpFixture to its namespace and below, so this
/// one lives in the root namespace (not Fixtures, its folder) to wrap every test.
/// </summary>
[SetUpFixture]
public sealed class PostgresServerSetUp
{
    [OneTimeTearDown]
    public async Task StopPostgres() => await PostgresServer.StopAsync();
}
