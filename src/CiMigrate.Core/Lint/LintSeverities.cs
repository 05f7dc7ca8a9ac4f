using CiMigrate.Configuration;
using CiMigrate.Diagnostics;

namespace CiMigrate.Lint;

/// <summary>A rule's configured severity as the severity of the findings it reports (<c>off</c> reports none).</summary>
static class LintSeverities
{
    public static Severity AsDiagnostic(this LintSeverity severity) => severity switch
    {
        LintSeverity.Error => Severity.Error,
        LintSeverity.Warning => Severity.Warning,
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "A rule switched off reports nothing."),
    };
}
