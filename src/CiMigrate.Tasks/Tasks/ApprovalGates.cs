using CiMigrate.Execution;
using CiMigrate.Execution.Events;

namespace CiMigrate.Tasks;

/// <summary>What a refused approval becomes in the run's report (the gate itself is the environment's: <see cref="Environments"/>).</summary>
static class ApprovalGates
{
    /// <summary>The refusal of a run whose approval was refused.</summary>
    public static RunRefused Refusal(ApprovalDecision decision, string environment) =>
        new(RefusalCodes.NotApproved, decision.Reason ?? $"The run was not approved for {environment}.", null, null, null, null);
}
