using CiMigrate.Diagnostics;

namespace CiMigrate.Reporting;

/// <summary>
/// Where a finding points, in the one shape every text, markdown and SARIF message uses: <c>file:line:col</c>, or the
/// file alone when no line is known.
/// </summary>
public static class FindingText
{
    /// <summary><c>file:line:col</c>, <c>file</c>, or null when the finding points into no file.</summary>
    public static string? Location(Finding finding) =>
        finding.File is null ? null : finding.HasLocation ? $"{finding.File}:{finding.Line}:{finding.Column}" : finding.File;

    /// <summary>The location and <c>: </c> before a message about it, or nothing.</summary>
    public static string Where(Finding finding) => Location(finding) is { } location ? $"{location}: " : "";

    /// <summary>The first line of a finding: where, what kind (<c>error[rule]</c>, <c>refused (code):</c>), the message.</summary>
    public static string Heading(Finding finding, string kind) => $"{Where(finding)}{kind} {finding.Message}";
}
