namespace CiMigrate.Configuration;

public static class RepositoryPaths
{
    /// <summary>The path users see in messages: relative to the repository root when inside it, with forward slashes.</summary>
    public static string Display(string path, string root)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? path
            : relative.Replace('\\', '/');
    }
}
