using System.Reflection;

namespace CiMigrate.Diagnostics;

/// <summary>
/// Where the page explaining a finding lives: every lint rule in <c>docs/rules/&lt;id&gt;.md</c>, every plan hazard in
/// <c>docs/hazards/&lt;code&gt;.md</c>, as Atlas gives every analyzer a code and a page.
/// </summary>
public static class DocsPages
{
    public const string RulesFolder = "docs/rules";

    public const string HazardsFolder = "docs/hazards";

    const string Repository = "https://github.com/tower-fleet/ci-migrate";

    /// <summary>
    /// The release tag of this build (<c>v0.1.0</c>): the release workflow tags <c>v&lt;Version&gt;</c>, and the version
    /// is <c>src/Directory.Build.props</c>'s (or the release's <c>-p:Version</c>).
    /// </summary>
    public static string ReleaseTag { get; } = "v" + ReleaseVersion();

    /// <summary>
    /// The docs as they were when this version was released, the one home of every link the tool prints (SARIF's
    /// <c>helpUri</c>, the PR comment, JSON's <c>docs</c>): a page on <c>main</c> may by now describe a rule this version
    /// does not have, or have moved.
    /// </summary>
    public static string BaseUri { get; } = $"{Repository}/blob/{ReleaseTag}/";

    public static string Uri(string docsPath) => BaseUri + docsPath;

    // The informational version carries the commit after a '+' (SourceLink); the tag is the version alone.
    static string ReleaseVersion()
    {
        var assembly = typeof(DocsPages).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
