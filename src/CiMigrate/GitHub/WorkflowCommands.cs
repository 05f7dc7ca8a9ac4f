using System.Globalization;
using System.Text;
using CiMigrate.Reporting;

namespace CiMigrate.GitHub;

/// <summary>
/// Formats GitHub Actions workflow commands (<c>::error file=a.sql,line=3::message</c>), escaped by
/// <see cref="WorkflowCommandText"/>.
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
            line.Append(first ? ' ' : ',').Append(key).Append('=').Append(WorkflowCommandText.Property(value));
            first = false;
        }

        return line.Append("::").Append(WorkflowCommandText.Data(message)).ToString();
    }

    static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
