using CiMigrate.Diagnostics;
using CiMigrate.Sql;

namespace CiMigrate.Lint;

/// <summary>What a rule reports through: it fills in the file, the place, the rule id and the excerpt.</summary>
public sealed class FindingCollector
{
    readonly List<Finding> _findings;
    readonly LintFile _file;
    readonly ILintRule _rule;
    readonly Severity _severity;

    /// <param name="severity">The rule's severity as configured (a rule switched off never runs).</param>
    internal FindingCollector(LintFile file, ILintRule rule, Severity severity, List<Finding> findings)
    {
        _file = file;
        _rule = rule;
        _severity = severity;
        _findings = findings;
    }

    /// <summary>A finding at the start of a statement.</summary>
    public void Report(SqlStatement statement, string message, string? help = null, LintFix? fix = null) =>
        Add(statement.Line, statement.Column, message, help, fix, statement);

    /// <summary>A finding at one token of a statement (the column users should look at).</summary>
    public void Report(SqlStatement statement, SqlToken token, string message, string? help = null, LintFix? fix = null)
    {
        var location = statement.LocationOf(token);
        Add(location.Line, location.Column, message, help, fix, statement);
    }

    /// <summary>A finding at a line of the file outside any statement (a directive among the comments).</summary>
    public void ReportLine(int line, string message, string? help = null) => Add(line, 1, message, help, null, null);

    /// <summary>A finding about the file as a whole (its name, its place), at line 1.</summary>
    public void ReportFile(string message, string? help = null, LintFix? fix = null) => Add(1, 1, message, help, fix, null);

    void Add(int line, int column, string message, string? help, LintFix? fix, SqlStatement? statement) =>
        _findings.Add(new Finding(_file.DisplayPath, line, column, _rule.Id, _severity, message, help ?? _rule.Help)
        {
            Excerpt = statement?.Excerpt,
            Fix = fix,
            StatementIndex = statement?.Index,
        });
}
