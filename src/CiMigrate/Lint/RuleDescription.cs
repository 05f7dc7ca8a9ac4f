using CiMigrate.Configuration;

namespace CiMigrate.Lint;

/// <summary>A rule as reports describe it: id, default severity, one-line summary, help and docs page.</summary>
public sealed record RuleDescription(string Id, LintSeverity DefaultSeverity, RuleCategory Category, string Summary, string Help)
{
    /// <summary>Where the docs live in the repository; SARIF and markdown link here.</summary>
    public const string DocsFolder = "docs/rules";

    public const string DocsBaseUri = "https://github.com/tower-fleet/ci-migrate/blob/main/docs/rules/";

    public string DocsPath => $"{DocsFolder}/{Id}.md";

    public string HelpUri => $"{DocsBaseUri}{Id}.md";

    public static RuleDescription Of(ILintRule rule) => new(rule.Id, rule.DefaultSeverity, rule.Category, rule.Summary, rule.Help);
}
