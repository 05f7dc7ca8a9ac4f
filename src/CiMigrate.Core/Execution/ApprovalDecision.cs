namespace CiMigrate.Execution;

/// <summary>The answer of an <see cref="IApprovalGate"/>: refused with a reason, or approved (by whom, when known).</summary>
public sealed record ApprovalDecision(bool Approved, string? Approver, string? Reason)
{
    public static ApprovalDecision NotRequired { get; } = new(true, null, null);
}
