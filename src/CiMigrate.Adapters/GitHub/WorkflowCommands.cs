using System.Globalization;
using System.Text;

namespace CiMigrate.GitHub;

/// <summary>
/// Formats GitHub Actions workflow commands (<c>::error file=a.sql,line=3::message</c>), escaped as the
/// actions/toolkit does it: <c>%</c>, CR and LF in the message; also <c>:</c> and <c>,</c> in property values,
/// which would otherwise end the value.
/// See https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts.
/// </summary>
public static class WorkflowCommands
{
    public static string Annotate(Annotation annotation)
    {
        var name = annotation.Level switch
        {
            AnnotationLevel.Error => "error",
            AnnotationLevel.Warning => "warning",
            _ => "notice",
        };
        var properties = new List<(string, string?)>
        {
            ("file", annotation.File),
            ("line", Number(annotation.Line)),
            ("endLine", Number(annotation.EndLine)),
            ("col", Number(annotation.Column)),
            ("endColumn", Number(annotation.EndColumn)),
            ("title", annotation.Title),
        };
        return Format(name, properties, annotation.Message);
    }

    public static string Notice(string message) => Format("notice", [], message);

    public static string Warning(string message) => Format("warning", [], message);

    /// <summary>
    /// Tells the runner to mask a value in the log from now on. Write it before the value could appear anywhere,
    /// and only in Actions: elsewhere the line would print the secret.
    /// </summary>
    public static string AddMask(string secret) => Format("add-mask", [], secret);

    public static string Group(string title) => Format("group", [], title);

    public static string EndGroup() => "::endgroup::";

    static string Format(string command, IReadOnlyList<(string Key, string? Value)> properties, string message)
    {
        var line = new StringBuilder("::").Append(command);
        var first = true;
        foreach (var (key, value) in properties)
        {
            if (value is null)
                continue;
            line.Append(first ? ' ' : ',').Append(key).Append('=').Append(EscapeProperty(value));
            first = false;
        }

        return line.Append("::").Append(EscapeData(message)).ToString();
    }

    static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string value) =>
        EscapeData(value)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);
}
