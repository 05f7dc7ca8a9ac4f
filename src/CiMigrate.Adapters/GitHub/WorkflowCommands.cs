using System.Text;
using CiMigrate.Reporting;

namespace CiMigrate.GitHub;

/// <summary>
/// Formats GitHub Actions workflow commands (<c>::notice::message</c>), escaped by <see cref="WorkflowCommandText"/>.
/// </summary>
public static class WorkflowCommands
{
    public static string Notice(string message) => Format("notice", message);

    public static string Warning(string message) => Format("warning", message);

    /// <summary>
    /// Tells the runner to mask a value in the log from now on. Write it before the value could appear anywhere,
    /// and only in Actions: elsewhere the line would print the secret.
    /// </summary>
    public static string AddMask(string secret) => Format("add-mask", secret);

    static string Format(string command, string message) =>
        new StringBuilder("::").Append(command).Append("::").Append(WorkflowCommandText.Data(message)).ToString();
}
