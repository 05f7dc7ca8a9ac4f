using CiMigrate.Hosting;

namespace CiMigrate.GitHub;

/// <summary>
/// The approval gate refused: the run has no approval for the environment; exit code 1 (a gate, not a failure).
/// </summary>
public sealed class ApprovalMissingException(string environment, long runId, string message) : GateRefusedException(message)
{
    public string Environment { get; } = environment;
    public long RunId { get; } = runId;
}
