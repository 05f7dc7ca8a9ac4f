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
}
