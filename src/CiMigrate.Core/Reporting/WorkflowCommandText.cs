namespace CiMigrate.Reporting;

/// <summary>
/// The escaping of GitHub Actions workflow commands (<c>::error file=a.sql,line=3::message</c>), as the actions/toolkit
/// does it (https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts), so one message stays one command.
/// </summary>
public static class WorkflowCommandText
{
    /// <summary>The message part: %, CR and LF escaped.</summary>
    public static string Data(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>A property value: also ':' and ',' escaped, which would end it.</summary>
    public static string Property(string value) =>
        Data(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>
    /// An annotation (<c>::error file=…,line=…,col=…,title=…::message</c>), shown on the run page and, with a file, on
    /// that file in a pull request; the line only with a file, the column only with a line.
    /// </summary>
    /// <param name="level"><c>error</c>, <c>warning</c> or <c>notice</c>.</param>
    public static string Annotation(string level, string? file, int? line, int? column, string title, string message)
    {
        var properties = new List<string>();
        if (file is not null)
            properties.Add($"file={Property(file)}");
        if (file is not null && line is not null)
            properties.Add($"line={line}");
        if (file is not null && line is not null && column is not null)
            properties.Add($"col={column}");
        properties.Add($"title={Property(title)}");
        return $"::{level} {string.Join(',', properties)}::{Data(message)}";
    }
}
