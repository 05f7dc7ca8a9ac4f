namespace CiMigrate.GitHub;

/// <summary>One entry of a run's review history, reduced to what the approval gate compares.</summary>
sealed record ApprovalReview(bool Approved, string Login, string? Comment, IReadOnlyList<string> Environments);
