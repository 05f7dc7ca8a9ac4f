using CiMigrate.Hosting;

namespace CiMigrate.GitHub;

/// <summary>GitHub kept failing (rate limit, 5xx, network) after the bounded retries: exit code 3.</summary>
public sealed class GitHubUnavailableException(string message, Exception? inner = null) : ExecutionException(message, inner);
