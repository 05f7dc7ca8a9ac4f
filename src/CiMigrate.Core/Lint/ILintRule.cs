using CiMigrate.Configuration;

namespace CiMigrate.Lint;

/// <summary>
/// One lint rule: a stable kebab-case id (its docs page is <c>docs/rules/&lt;id&gt;.md</c>) and a check that
/// reports findings for one file. Rules never read suppressions or severities: the <see cref="Linter"/> applies
/// those after every rule ran.
/// </summary>
public interface ILintRule
{
    string Id { get; }

    LintSeverity DefaultSeverity { get; }

    RuleCategory Category { get; }

    /// <summary>One line: what the rule finds (SARIF short description, <c>--help</c>).</summary>
    string Summary { get; }

    /// <summary>The safe pattern, shown under each finding unless the finding brings its own.</summary>
    string Help { get; }

    /// <summary>Down files get the lock and security rules, not the idempotency ones.</summary>
    bool AppliesToDownFiles => Category != RuleCategory.Idempotency;

    void Check(LintFile file, FindingCollector findings);
}
