using System.Text;

namespace CiMigrate.GitHub;

/// <summary>
/// Formats GitHub Actions workflow commands (<c>::notice::message</c>), escaped as the actions/toolkit does it:
/// <c>%</c>, CR and LF in the message.
/// See https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts.
/// </summary>
public static class WorkflowCommands
{
    public static string Notice(string message) => Format("notice", message);

    /// <summary>
    /// Tells the runner to mask a value in the log from now on. Write it before the value could appear anywhere,
    /// and only in Actions: elsewhere the line would print the secret.
    /// </summary>
    public static string AddMask(string secret) => Format("add-mask", secret);

    static string Format(string command, string message) =>
        new StringBuilder("::").Append(command).Append("::").Append(EscapeData(message)).ToString();

    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
}
