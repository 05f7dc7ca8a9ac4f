using CiMigrate.Hosting;

namespace CiMigrate.Tasks;

/// <summary>Every task of the tool, registered explicitly: no assembly scanning, so trimming stays safe.</summary>
public static class TaskCatalog
{
    public static IReadOnlyList<ITask> Create() =>
    [
        new InspectTask(),
        new LintTask(),
        new DiffTask(),
        new StageApplyTask(),
        new ProdApplyTask(),
        new RollbackTask(),
        new StatusTask(),
        new BaselineTask(),
        new RepairTask(),
        new NewTask(),
        new AppsTask(),
        new GenerateTask(),
        new DoctorTask(),
        new CopySchemaTask(),
        new WarmShadowTask(),
    ];
}
