namespace CiMigrate.GitHub;

/// <summary>
/// The approval gate refused: the run has no approval for the environment. The apply task catches it, prints
/// <see cref="Exception.Message"/> and exits with <see cref="Hosting.ExitCodes.Findings"/> (a gate, not a failure).
/// </summary>
public sealed class ApprovalMissingException(string environment, long runId, string message) : Exception(message)
{
    public string Environment { get; } = environment;
    public long RunId { get; } = runId;
}
