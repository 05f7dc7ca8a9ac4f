namespace CiMigrate.Configuration;

public enum LintSeverity
{
    Off,
    Warning,
    Error,
}
