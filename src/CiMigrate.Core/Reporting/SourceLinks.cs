namespace CiMigrate.Reporting;

/// <summary>
/// Where a file's lines are on GitHub for the commit a pull request reviews:
/// <c>{server}/{owner}/{repo}/blob/{sha}/{path}#L{line}</c>. Paths in reports are relative to the settings' root;
/// <paramref name="PathPrefix"/> is that root relative to the repository's (empty when they are the same).
/// </summary>
public sealed record SourceLinks(string Server, string Repository, string Sha, string PathPrefix = "")
{
    /// <summary>The link to a line of a file, or to the file when <paramref name="line"/> is 0.</summary>
    public string To(string file, int line)
    {
        var path = string.Join('/', $"{PathPrefix}/{file}".Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(Uri.EscapeDataString));
        return $"{Server.TrimEnd('/')}/{Repository}/blob/{Sha}/{path}{(line > 0 ? $"#L{line}" : "")}";
    }
}
