namespace CiMigrate.Hosting;

/// <summary>
/// Runs a task after its dependencies, each once, in a stable order; rejects cycles; prints the plan for
/// <c>--tree</c>. A dependency that fails stops the run; one that ends with findings stops it too unless the
/// dependent task <see cref="ITask.RunsAfterFindings"/>.
/// </summary>
public sealed class TaskHost(IReadOnlyList<ITask> tasks)
{
    // Dependencies are declared by type, as Cake's [IsDependentOn(typeof(...))].
    readonly Dictionary<Type, ITask> _byType = tasks.GroupBy(task => task.GetType()).ToDictionary(g => g.Key, g => g.First());

    public IReadOnlyList<ITask> Tasks { get; } = tasks;

    /// <summary>The tasks that run for <paramref name="target"/>, dependencies first, the target last.</summary>
    public IReadOnlyList<ITask> Order(ITask target)
    {
        var ordered = new List<ITask>();
        var done = new HashSet<ITask>();
        var path = new List<ITask>();
        Visit(target, ordered, done, path);
        return ordered;
    }

    void Visit(ITask task, List<ITask> ordered, HashSet<ITask> done, List<ITask> path)
    {
        if (done.Contains(task))
            return;
        if (path.Contains(task))
        {
            var cycle = path.SkipWhile(t => t != task).Append(task).Select(t => t.Name);
            throw new InvalidOperationException($"Task dependencies form a cycle: {string.Join(" -> ", cycle)}.");
        }

        path.Add(task);
        foreach (var dependency in task.Dependencies)
        {
            if (!_byType.TryGetValue(dependency, out var dependencyTask))
                throw new InvalidOperationException($"Task '{task.Name}' depends on {dependency.Name}, which is not registered.");
            Visit(dependencyTask, ordered, done, path);
        }

        path.RemoveAt(path.Count - 1);
        done.Add(task);
        ordered.Add(task);
    }

    /// <summary>Checks every task's dependencies once, so a cycle is a start-up error and not a surprise later.</summary>
    public void Validate()
    {
        foreach (var task in Tasks)
            Order(task);
    }

    /// <summary>Runs <paramref name="target"/> and its dependencies; returns the process exit code.</summary>
    public async Task<int> RunAsync(ITask target, TaskContext context)
    {
        var exitCode = ExitCodes.Ok;
        context.Target = target;
        foreach (var task in Order(target))
        {
            if (exitCode == ExitCodes.Findings && !task.RunsAfterFindings)
                return exitCode;
            exitCode = Math.Max(exitCode, await task.RunAsync(context));
            if (exitCode >= ExitCodes.Usage)
                return exitCode;
        }

        return exitCode;
    }

    /// <summary>What <c>--tree</c> prints: the tasks that would run, in order, without running them.</summary>
    public IEnumerable<string> Tree(ITask target) =>
        Order(target).Select((task, index) => $"{index + 1}. {task.Name,-12} {task.Description}");
}
