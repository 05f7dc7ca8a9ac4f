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
        new NotYetAvailableTask("stage-apply", "Apply pending migrations to staging", 4),
        new NotYetAvailableTask("prod-apply", "Apply pending migrations to production, behind the gates", 4),
        new NotYetAvailableTask("rollback", "Run down migrations of the newest applied migrations", 4),
        new NotYetAvailableTask("status", "Every migration of the app with its state on a target", 4),
        new NotYetAvailableTask("baseline", "Adopt a database whose migrations were applied by hand", 4),
        new NotYetAvailableTask("repair", "Deliberate fixes to the history: accept a checksum, forget a version", 4),
        new NewTask(),
        new DoctorTask(),
    ];
}
