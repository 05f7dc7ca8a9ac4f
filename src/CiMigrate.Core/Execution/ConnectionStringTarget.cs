using CiMigrate.Configuration;

namespace CiMigrate.Execution;

/// <summary>A target reached directly with a connection string, as given in settings or <c>--database-url</c>.</summary>
public sealed class ConnectionStringTarget(string connectionString) : IDatabaseTarget
{
    public string Description { get; } = DatabaseUrl.Describe(connectionString);

    public Task<DatabaseConnection> OpenAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new DatabaseConnection(connectionString));
}
