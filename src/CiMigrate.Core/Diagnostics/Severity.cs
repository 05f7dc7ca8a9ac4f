namespace CiMigrate.Diagnostics;

/// <summary>How much a finding matters: an error fails lint, refuses an apply and makes a plan dangerous.</summary>
public enum Severity
{
    Warning,
    Error,
}
