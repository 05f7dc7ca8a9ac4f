namespace CiMigrate.GitHub;

/// <summary>
/// A pull request comment kept up to date in place: one per app and pull request, found again by
/// <paramref name="Marker"/>, a hidden HTML comment such as <c>&lt;!-- ci-migrate:plan app=money-tracker --&gt;</c>
/// that the renderer puts in <paramref name="Body"/> (added at the top when missing).
/// </summary>
public sealed record StickyComment(string Marker, string Body)
{
    /// <summary>
    /// False when the body says there is nothing to do ("no pending migrations"): an existing comment is still
    /// rewritten, so a stale plan never stays up, but no new comment is posted.
    /// </summary>
    public bool CreateIfMissing { get; init; } = true;

    /// <summary>The body that is posted: it always carries the marker, or the next run could not find it.</summary>
    public string MarkedBody => Body.Contains(Marker, StringComparison.Ordinal) ? Body : $"{Marker}\n{Body}";
}
