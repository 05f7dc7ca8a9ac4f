namespace CiMigrate.GitHub;

/// <summary>
/// A message GitHub shows on a file and line of the pull request (a lint finding, say). <see cref="File"/> is
/// relative to the repository root, as GitHub matches it against the diff.
/// </summary>
public sealed record Annotation(AnnotationLevel Level, string Message)
{
    public string? File { get; init; }
    public int? Line { get; init; }
    public int? Column { get; init; }
    public int? EndLine { get; init; }
    public int? EndColumn { get; init; }
    public string? Title { get; init; }
}
