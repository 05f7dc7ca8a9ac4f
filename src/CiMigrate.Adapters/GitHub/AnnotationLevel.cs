namespace CiMigrate.GitHub;

/// <summary>The three annotation commands of GitHub Actions.</summary>
public enum AnnotationLevel
{
    Notice,
    Warning,
    Error,
}
