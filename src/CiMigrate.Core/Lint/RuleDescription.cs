using CiMigrate.Configuration;
using CiMigrate.Diagnostics;

namespace CiMigrate.Lint;

/// <summary>A rule as reports describe it: id, default severity, one-line summary, help and docs page.</summary>
public sealed record RuleDescription(string Id, LintSeverity DefaultSeverity, RuleCategory Category, string Summary, string Help)
{
    /// <summary>Where the rule's page lives in the repository; SARIF and markdown link here.</summary>
    public string DocsPath => $"{DocsPages.RulesFolder}/{Id}.md";

    public string HelpUri => DocsPages.Uri(DocsPath);

    public static RuleDescription Of(ILintRule rule) => new(rule.Id, rule.DefaultSeverity, rule.Category, rule.Summary, rule.Help);
}
