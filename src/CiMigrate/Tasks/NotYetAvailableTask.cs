using CiMigrate.Hosting;

namespace CiMigrate.Tasks;

/// <summary>
/// A task whose issue has not landed: it says so and exits 2 rather than pretending to work.
/// </summary>
sealed class NotYetAvailableTask(string name, string description, int issue) : ITask
{
    public string Name => name;
    public string Description => $"{description} (not available yet)";

    public async Task<int> RunAsync(TaskContext context)
    {
        await context.Error.WriteLineAsync(
            $"ci-migrate {name} is not available in this version yet (issue #{issue} builds it).");
        return ExitCodes.Usage;
    }
}
