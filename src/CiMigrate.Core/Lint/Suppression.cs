using CiMigrate.Diagnostics;

namespace CiMigrate.Lint;

/// <summary>One rule silenced by a comment, with the reason the author gave; used once it hid a finding.</summary>
public sealed class Suppression(string rule, string? reason, SuppressionScope scope, int statementIndex, int line, int column)
{
    public string Rule { get; } = rule;
    public string? Reason { get; } = reason;
    public SuppressionScope Scope { get; } = scope;

    /// <summary>For <see cref="SuppressionScope.Statement"/>, the statement it applies to.</summary>
    public int StatementIndex { get; } = statementIndex;

    public int Line { get; } = line;
    public int Column { get; } = column;
    public bool Used { get; set; }

    public bool Covers(Finding finding) =>
        finding.Rule == Rule && (Scope == SuppressionScope.File || finding.StatementIndex == StatementIndex);
}
