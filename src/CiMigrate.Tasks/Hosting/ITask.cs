using System.CommandLine;
using CiMigrate.Cli;

namespace CiMigrate.Hosting;

/// <summary>
/// A named unit of work with declared dependencies: the Cake Frosting task shape, run by <see cref="TaskHost"/>.
/// </summary>
public interface ITask
{
    /// <summary>The name users type: <c>ci-migrate lint</c>.</summary>
    string Name { get; }

    /// <summary>One line for <c>--help</c> and <c>--tree</c>.</summary>
    string Description { get; }

    /// <summary>Tasks that run before this one, each once per invocation.</summary>
    IReadOnlyList<Type> Dependencies => [];

    /// <summary>Options of this task.</summary>
    IReadOnlyList<Option> Options => [];

    /// <summary>The options the command of a dependent task carries too (all, unless they only make sense here).</summary>
    IReadOnlyList<Option> SharedOptions => Options;

    /// <summary>
    /// The shared options this task reads, in <see cref="GlobalOptions"/>' groups: where the app's files are and, for a task
    /// that works on a database, its target (the default). Its command carries them and <see cref="GlobalOptions.Always"/>.
    /// </summary>
    IReadOnlyList<Option> Reads => [.. GlobalOptions.Repository, .. GlobalOptions.Target];

    /// <summary>Arguments of this task when it is the one invoked (files for <c>lint</c>, say).</summary>
    IReadOnlyList<Argument> Arguments => [];

    /// <summary>
    /// Whether this task still runs when a dependency ended with findings (exit code 1): <c>diff</c> shows
    /// lint findings in the plan, while an apply stops.
    /// </summary>
    bool RunsAfterFindings => false;

    /// <summary>
    /// Whether the task works on one app at a time: without <c>--app</c> in a repository with several apps, it then runs
    /// for each app in turn (<c>Cli.EachAppRun</c>), one report and one exit code for all.
    /// </summary>
    bool RunsPerApp(TaskContext context) => false;

    Task<int> RunAsync(TaskContext context);
}
