namespace CiMigrate.Cli;

public enum OutputFormat
{
    Text,
    Json,
    Markdown,
    Github,
    Sarif,
}
