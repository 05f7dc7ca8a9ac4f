using System.CommandLine;

namespace CiMigrate.GitHub;

/// <summary>Options of the tasks that talk to GitHub; a task lists the ones it uses in its <c>Options</c>.</summary>
public static class GitHubOptions
{
    public static readonly Option<string?> Token = new("--github-token")
    {
        Description = "GitHub token (default: the action input github-token, then GITHUB_TOKEN); never printed",
    };

    public static readonly Option<bool> Comment = new("--comment")
    {
        Description = "Post the plan as a sticky pull request comment (printed when not in a pull request)",
    };
}
