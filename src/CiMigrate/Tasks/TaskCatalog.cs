using CiMigrate.Hosting;

namespace CiMigrate.Tasks;

/// <summary>Every task of the tool, registered explicitly: no assembly scanning, so trimming stays safe.</summary>
public static class TaskCatalog
{
    public static IReadOnlyList<ITask> Create() =>
    [
        new InspectTask(),
        new NotYetAvailableTask("lint", "Check migration files without a database", 3),
        new NotYetAvailableTask("diff", "Plan: pending migrations, schema changes and hazards", 5),
        new StageApplyTask(),
        new ProdApplyTask(),
        new RollbackTask(),
        new StatusTask(),
        new BaselineTask(),
        new RepairTask(),
        new NotYetAvailableTask("new", "Create a migration file and its down file", 3),
    ];
}
