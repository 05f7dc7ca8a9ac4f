using CiMigrate.Hosting;

namespace CiMigrate.GitHub;

/// <summary>
/// Appends markdown to the job summary file (<c>$GITHUB_STEP_SUMMARY</c>), which GitHub shows on the run page.
/// Several steps and apps append to the same file, so it is never overwritten.
/// </summary>
public sealed class JobSummary(string? path)
{
    /// <summary>False outside Actions, where there is no summary to write.</summary>
    public bool IsAvailable => path is not null;

    /// <returns>Whether the summary was written.</returns>
    public async Task<bool> AppendAsync(string markdown, CancellationToken cancellationToken = default)
    {
        if (path is null)
            return false;
        var text = markdown.EndsWith('\n') ? markdown : markdown + "\n";
        await FileOwnership.AppendAsync(path, text, cancellationToken);
        return true;
    }
}
