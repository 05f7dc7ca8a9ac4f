using CiMigrate.GitHub;
using CiMigrate.Hosting;

namespace CiMigrate.Tasks;

/// <summary>
/// How a task meets GitHub. The adapter sits below the task host and cannot see <see cref="TaskContext"/>, so the
/// usual way in is written here, as a static member of <see cref="GitHubIntegration"/> for the tasks that call it.
/// </summary>
static class TaskGitHub
{
    extension(GitHubIntegration)
    {
        /// <summary>The task's environment and writers, the token from <c>--github-token</c> if given.</summary>
        public static GitHubIntegration From(TaskContext context, string? explicitToken = null) =>
            new(GitHubContext.FromEnvironment(context.Environment, context.Secrets, explicitToken), context.Output, context.Secrets);
    }
}
