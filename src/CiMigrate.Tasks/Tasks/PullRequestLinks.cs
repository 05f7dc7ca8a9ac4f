using CiMigrate.GitHub;
using CiMigrate.Reporting;

namespace CiMigrate.Tasks;

/// <summary>Where the plan comment links lines to: the pull request's head commit on the run's GitHub server.</summary>
static class PullRequestLinks
{
    /// <summary>
    /// Null when the run does not know its repository and commit (a local run): the comment then links only docs
    /// pages. Paths in the plan are relative to the settings' root, which may be a folder of the repository.
    /// </summary>
    public static SourceLinks? Of(GitHubContext github, string settingsRoot, IReadOnlyDictionary<string, string?> environment)
    {
        if (github.FullRepository is not { } repository || (github.HeadSha ?? github.Sha) is not { } sha)
            return null;
        var prefix = environment.TryGetValue("GITHUB_WORKSPACE", out var workspace) && !string.IsNullOrWhiteSpace(workspace)
            ? Path.GetRelativePath(workspace, settingsRoot).Replace('\\', '/')
            : ".";
        if (prefix.StartsWith("..", StringComparison.Ordinal))
            return null;
        return new SourceLinks(github.ServerUrl.ToString(), repository, sha, prefix == "." ? "" : prefix);
    }
}
