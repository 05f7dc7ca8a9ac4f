namespace CiMigrate.Reporting;

public enum OutputFormat
{
    Text,
    Json,
    Markdown,
    Github,
    Sarif,
}
