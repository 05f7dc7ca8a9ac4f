namespace CiMigrate.GitHub;

/// <param name="Outcome">What happened.</param>
/// <param name="Location">The comment's web address, or the file written, when there is one.</param>
/// <param name="Reason">Why it fell back, already free of secrets.</param>
public sealed record CommentResult(CommentOutcome Outcome, string? Location = null, string? Reason = null);
