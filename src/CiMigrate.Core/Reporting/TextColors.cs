namespace CiMigrate.Reporting;

/// <summary>
/// ANSI colours for the text format, only where a person reads a terminal: never when the output is a file or a pipe
/// (CI logs, <c>&gt; plan.txt</c>), never with <c>NO_COLOR</c> set to anything (https://no-color.org), nor with
/// <c>TERM=dumb</c>.
/// </summary>
public sealed class TextColors
{
    public static readonly TextColors None = new(false);

    readonly bool _enabled;

    TextColors(bool enabled) => _enabled = enabled;

    public static TextColors For(bool terminal, IReadOnlyDictionary<string, string?> environment) =>
        terminal
        && !(environment.TryGetValue("NO_COLOR", out var noColor) && !string.IsNullOrEmpty(noColor))
        && !(environment.TryGetValue("TERM", out var term) && term == "dumb")
            ? new TextColors(true)
            : None;

    public string Error(string text) => Paint("31", text);

    public string Warning(string text) => Paint("33", text);

    public string Ok(string text) => Paint("32", text);

    string Paint(string code, string text) => _enabled ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
