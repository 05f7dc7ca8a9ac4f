using CiMigrate.Configuration;

namespace CiMigrate.Tasks;

/// <summary><c>stage-apply</c>: <c>apply --env staging</c> (another environment with <c>--env</c>, whose gates it meets).</summary>
sealed class StageApplyTask(TimeProvider? clock = null) : ApplyTask(Workspace.DefaultEnvironment, clock)
{
    public override string Name => "stage-apply";
    public override string Description => "Apply pending migrations to staging";
}
