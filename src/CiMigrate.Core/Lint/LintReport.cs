using CiMigrate.Diagnostics;

namespace CiMigrate.Lint;

/// <summary>
/// The result of one lint run: how many files were read and what remains after suppressions and severities.
/// Renderers (text, JSON, GitHub, SARIF, markdown) read this and nothing else.
/// </summary>
public sealed class LintReport
{
    public LintReport(IReadOnlyList<string> files, IEnumerable<Finding> findings, IReadOnlyList<RuleDescription> rules)
    {
        Files = files;
        Findings = [.. findings
            .OrderBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)];
        Rules = rules;
    }

    /// <summary>The files linted, as users see their paths.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Ordered by file, line, column, rule.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Every rule that could have reported (for SARIF's rule metadata).</summary>
    public IReadOnlyList<RuleDescription> Rules { get; }

    public int ErrorCount => Findings.Count(f => f.IsError);

    public int WarningCount => Findings.Count - ErrorCount;

    /// <summary>Any error-severity finding fails the gate: exit code 1.</summary>
    public bool HasErrors => Findings.Any(f => f.IsError);
}
