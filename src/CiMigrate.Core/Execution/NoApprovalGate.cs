using CiMigrate.Configuration;

namespace CiMigrate.Execution;

/// <summary>No approval to ask for: a local run, or an environment without <c>requireApproval</c>.</summary>
public sealed class NoApprovalGate : IApprovalGate
{
    public static NoApprovalGate Instance { get; } = new();

    public Task<ApprovalDecision> CheckAsync(EnvironmentSettings environment, CancellationToken cancellationToken) =>
        Task.FromResult(ApprovalDecision.NotRequired);
}
