namespace CiMigrate.Diagnostics;

/// <summary>
/// Where the page explaining a finding lives: every lint rule in <c>docs/rules/&lt;id&gt;.md</c>, every plan hazard in
/// <c>docs/hazards/&lt;code&gt;.md</c>, as Atlas gives every analyzer a code and a page.
/// </summary>
public static class DocsPages
{
    public const string RulesFolder = "docs/rules";

    public const string HazardsFolder = "docs/hazards";

    /// <summary>The repository's docs as users browse them; SARIF's <c>helpUri</c> and the PR comment link here.</summary>
    public const string BaseUri = "https://github.com/tower-fleet/ci-migrate/blob/main/";

    public static string Uri(string docsPath) => BaseUri + docsPath;
}
