
namespace CiMigrate.GitHub;

/// <summary>
/// The run has no approval for the environment: <see cref="GitHubApprovalGate"/> turns it into a refused decision.
/// </summary>
public sealed class ApprovalMissingException(string environment, long runId, string message) : Exception(message)
{
    public string Environment { get; } = environment;
    public long RunId { get; } = runId;
}
