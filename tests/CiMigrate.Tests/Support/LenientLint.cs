using CiMigrate.Lint;

namespace CiMigrate.Tests.Support;

/// <summary>
/// A <c>lint</c> settings object with every rule a warning. For tests about execution: their small migrations break
/// house rules (no grants, no RLS), and lint still runs before each apply without stopping it.
/// </summary>
static class LenientLint
{
    public static string SettingsJson { get; } =
        $$"""{ "rules": { {{string.Join(", ", LintRules.All.Select(r => $"\"{r.Id}\": \"warning\""))}} } }""";
}
