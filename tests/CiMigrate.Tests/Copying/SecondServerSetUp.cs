namespace CiMigrate.Tests.Copying;

/// <summary>Stops the second server after the last copy test.</summary>
[SetUpFixture]
public sealed class SecondServerSetUp
{
    [OneTimeTearDown]
    public async Task StopSecondServer() => await SecondServer.StopAsync();
}
