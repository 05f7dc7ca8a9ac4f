using CiMigrate.Configuration;

namespace CiMigrate.Tasks;

/// <summary>
/// <c>prod-apply</c>: <c>apply --env production</c>, behind production's gates: the promotion gate (<c>requires</c>),
/// the reviewed plan (<c>--expect-plan</c>), the expand-contract gate (<c>contractAfter</c>) and the approval.
/// </summary>
sealed class ProdApplyTask(TimeProvider? clock = null) : ApplyTask(EnvironmentSettings.Production, clock)
{
    public override string Name => "prod-apply";
    public override string Description => "Apply pending migrations to production, behind the gates";
}
