using CiMigrate.Configuration;
using CiMigrate.Lint;

namespace CiMigrate.Tests.Lint;

/// <summary>Builds linters and files for lint tests without a repository on disk.</summary>
static class LintTestSupport
{
    public const string Schema = "money_tracker";

    /// <summary>Every rule on, the ones off by default as warnings, so each rule's fixtures exercise it.</summary>
    public static Linter AllRulesLinter(params (string Rule, LintSeverity Severity)[] overrides)
    {
        var rules = LintRules.All.Where(r => r.DefaultSeverity == LintSeverity.Off).ToDictionary(r => r.Id, _ => LintSeverity.Warning);
        foreach (var (rule, severity) in overrides)
            rules[rule] = severity;
        return new Linter(LintRules.All, new LintSettings(rules));
    }

    public static LintFile File(string text, LintFileRole role = LintFileRole.Up, string path = "/repo/migration.sql") =>
        new(path, Path.GetFileName(path), text, role, Schema, null);

    public static Settings Settings(string root, params AppSettings[] apps) => new()
    {
        Root = root,
        Apps = apps,
        Environments = new Dictionary<string, EnvironmentSettings>(),
    };
}
