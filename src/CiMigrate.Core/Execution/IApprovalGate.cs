using CiMigrate.Configuration;

namespace CiMigrate.Execution;

/// <summary>
/// Whether a protected environment's run was approved (GitHub environment approvals); the approver's login goes
/// into the ledger. Outside Actions there is nothing to ask: <see cref="NoApprovalGate"/>.
/// </summary>
public interface IApprovalGate
{
    Task<ApprovalDecision> CheckAsync(EnvironmentSettings environment, CancellationToken cancellationToken);
}
