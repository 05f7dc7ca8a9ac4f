using CiMigrate.Configuration;

namespace CiMigrate.Lint;

/// <summary>One problem found in one file, where it is and what to do about it.</summary>
/// <param name="File">The path users see: relative to the repository root where possible.</param>
/// <param name="Rule">The rule id, which names the docs page <c>docs/rules/&lt;id&gt;.md</c>.</param>
public sealed record Finding(string File, int Line, int Column, string Rule, LintSeverity Severity, string Message,
    string Help)
{
    /// <summary>The start of the statement the finding is about (first line, shortened), when there is one.</summary>
    public string? Excerpt { get; init; }

    /// <summary>What <c>lint --fix</c> would do, when the fix is safe.</summary>
    public LintFix? Fix { get; init; }

    /// <summary>The index of the statement the finding is about: statement suppressions apply to it.</summary>
    public int? StatementIndex { get; init; }

    public bool IsError => Severity == LintSeverity.Error;
}
