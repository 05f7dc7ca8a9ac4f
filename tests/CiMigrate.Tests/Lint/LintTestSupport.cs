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

    public static LintFile File(string text, LintFileRole role = LintFileRole.Up, string path = "/repo/migration.sql", string? schema = Schema) =>
        new(path, Path.GetFileName(path), text, role, schema, null);

    /// <summary>
    /// A rule fixture file: a down file when its name says <c>down</c>; with no app schema when it says
    /// <c>no_schema</c> (<c>ci-migrate lint</c> on a folder whose files set no search_path), else the app's.
    /// </summary>
    public static LintFile Fixture(string path)
    {
        var name = Path.GetFileName(path);
        var role = name.Contains("down", StringComparison.Ordinal) ? LintFileRole.Down : LintFileRole.Up;
        return File(System.IO.File.ReadAllText(path), role, path, name.Contains("no_schema", StringComparison.Ordinal) ? null : Schema);
    }

    /// <summary>
    /// A file rule's folder fixture, every file of it placed as <c>ci-migrate lint</c> places it: its <c>migrations</c>
    /// folder linted by path (no app configured), or, for rules that compare apps, each <c>apps/&lt;app&gt;/migrations</c>
    /// folder as a configured app on one database (schema: the app's name with '_' for '-').
    /// </summary>
    public static IReadOnlyList<LintFile> FolderFixture(string fixture)
    {
        var appsFolder = Path.Combine(fixture, "apps");
        if (!Directory.Exists(appsFolder))
        {
            var targets = new LintTargets(Settings(fixture), fixture, Schema);
            return [.. targets.Find([Path.Combine(fixture, "migrations")], []).Select(targets.Read)];
        }

        AppSettings[] apps = [.. Directory.EnumerateDirectories(appsFolder).Order(StringComparer.Ordinal)
            .Select(app => new AppSettings(Path.GetFileName(app), Path.GetFileName(app).Replace('-', '_'), Path.Combine(app, "migrations")))];
        var configured = new LintTargets(Settings(fixture, apps), fixture, null);
        return [.. configured.Find([], apps).Select(configured.Read)];
    }

    public static Settings Settings(string root, params AppSettings[] apps) => new()
    {
        Root = root,
        Apps = apps,
        Environments = new Dictionary<string, EnvironmentSettings>(),
    };
}
