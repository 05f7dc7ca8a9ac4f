namespace CiMigrate.Configuration;

/// <summary><c>"lint": { "rules": { "require-lock-timeout": "warning" } }</c>: severities chosen per rule.</summary>
public sealed record LintSettings(IReadOnlyDictionary<string, LintSeverity> Rules)
{
    public static LintSettings Default { get; } = new(new Dictionary<string, LintSeverity>());
}
