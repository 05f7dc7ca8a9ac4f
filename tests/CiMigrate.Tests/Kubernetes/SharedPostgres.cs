using CiMigrate.Tests.Kubernetes.Support;

namespace CiMigrate.Tests.Kubernetes;

/// <summary>One PostgreSQL for all Kubernetes tests, started once before them and removed after them.</summary>
[SetUpFixture]
public sealed class SharedPostgres
{
    static LocalPostgres? _server;

    internal static LocalPostgres Server => _server ?? throw new InvalidOperationException("The shared PostgreSQL is not running.");

    [OneTimeSetUp]
    public async Task StartAsync() => _server = await LocalPostgres.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
