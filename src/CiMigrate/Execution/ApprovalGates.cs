using CiMigrate.Configuration;
using CiMigrate.Hosting;

namespace CiMigrate.Execution;

/// <summary>Chooses the approval gate of an environment: the one place the GitHub approval gate plugs in.</summary>
public static class ApprovalGates
{
    public static IApprovalGate For(EnvironmentSettings environment, TaskContext context) => NoApprovalGate.Instance;
}
