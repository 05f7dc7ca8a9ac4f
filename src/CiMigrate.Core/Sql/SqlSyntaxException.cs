using CiMigrate.Hosting;

namespace CiMigrate.Sql;

/// <summary>A file ci-migrate cannot read as plain SQL; the message starts with <c>path:line:col:</c>.</summary>
public sealed class SqlSyntaxException(string path, int line, int column, string problem)
    : UsageException($"{path}:{line}:{column}: {problem}")
{
    public string Path { get; } = path;

    /// <summary>1-based line of the problem.</summary>
    public int Line { get; } = line;

    /// <summary>1-based column of the problem, in UTF-16 code units.</summary>
    public int Column { get; } = column;

    /// <summary>The message without its location.</summary>
    public string Problem { get; } = problem;
}
