namespace CiMigrate.Diagnostics;

/// <summary>
/// The one diagnostic model: a lint finding, or a plan hazard (<c>Planning.Hazard</c> is a finding with the object
/// it concerns). Every finding has a stable code with a docs page, a severity, where it is, what is wrong and what
/// to do. Renderers read findings and never care which analysis produced them.
/// </summary>
/// <param name="File">The path users see, relative to the repository root where possible; null when no file is known.</param>
/// <param name="Line">1-based; 0 when <paramref name="File"/> is null (a hazard found by comparing schemas).</param>
/// <param name="Rule">The stable code: a lint rule id (<c>require-concurrent-index</c>) or a hazard code (<c>data-loss</c>).</param>
/// <param name="Help">What to do about it, when there is something better to do.</param>
public record Finding(string? File, int Line, int Column, string Rule, Severity Severity, string Message, string? Help)
{
    /// <summary>The start of the statement the finding is about (first line, shortened), when there is one.</summary>
    public string? Excerpt { get; init; }

    /// <summary>What <c>lint --fix</c> would do, when the fix is safe.</summary>
    public LintFix? Fix { get; init; }

    /// <summary>The index of the statement the finding is about: statement suppressions apply to it.</summary>
    public int? StatementIndex { get; init; }

    /// <summary>The page that explains the code, relative to the repository root.</summary>
    public virtual string DocsPath => $"{DocsPages.RulesFolder}/{Rule}.md";

    public string DocsUri => DocsPages.Uri(DocsPath);

    /// <summary>Whether the finding points into a file (lint findings always do; hazards when a statement caused them).</summary>
    public bool HasLocation => File is not null && Line > 0;

    public bool IsError => Severity == Severity.Error;
}
