namespace CiMigrate.GitHub;

/// <summary>What happened to a sticky comment.</summary>
public enum CommentOutcome
{
    Created,
    Updated,

    /// <summary>The comment already said exactly this; nothing was sent, so no "edited" noise.</summary>
    Unchanged,

    /// <summary>There was no comment and <see cref="StickyComment.CreateIfMissing"/> was false.</summary>
    NotNeeded,

    /// <summary>
    /// The token may not write comments (a pull request from a fork): the caller writes the job summary and a
    /// notice instead, and the job does not fail.
    /// </summary>
    FellBackToJobSummary,

    /// <summary>Printed or saved locally (no pull request to comment on).</summary>
    Written,
}
