using CiMigrate.Configuration;
using CiMigrate.Diagnostics;
using CiMigrate.Hosting;
using CiMigrate.Lint;

namespace CiMigrate.Tests.Lint;

sealed class LinterTests
{
    const string Header = "SET search_path TO money_tracker;\n";

    static List<(string Rule, int Line)> Run(string text, Linter? linter = null, LintFileRole role = LintFileRole.Up) =>
        [.. (linter ?? LintTestSupport.AllRulesLinter()).Lint(LintTestSupport.File(text, role)).Select(f => (f.Rule, f.Line))];

    [Test]
    public void Ignore_comment_hides_the_rule_on_the_next_statement_only()
    {
        var findings = Run(Header +
            "-- ci-migrate:ignore insert-on-conflict seeded once by hand\n" +
            "INSERT INTO categories (name) VALUES ('a');\n" +
            "INSERT INTO categories (name) VALUES ('b');\n");

        Assert.That(findings.Where(f => f.Rule == "insert-on-conflict"), Is.EqualTo(new[] { ("insert-on-conflict", 4) }));
        Assert.That(findings.Where(f => f.Rule == "unused-suppression"), Is.Empty);
    }

    [Test]
    public void Ignore_file_comment_hides_the_rule_everywhere_in_the_file()
    {
        var findings = Run("-- ci-migrate:ignore-file insert-on-conflict,unbounded-delete-update fixtures table\n" + Header +
            "INSERT INTO categories (name) VALUES ('a');\nDELETE FROM categories;\nINSERT INTO categories (name) VALUES ('b');\n");

        Assert.That(findings, Is.Empty);
    }

    [Test]
    public void Unused_and_unknown_suppressions_are_reported_where_they_are_written()
    {
        var findings = Run(Header +
            "-- ci-migrate:ignore insert-on-conflict\n" +
            "SELECT 1;\n" +
            "/* ci-migrate:ignore no-such-rule because */\n" +
            "SELECT 2;\n");

        Assert.That(findings, Is.EqualTo(new[] { ("unused-suppression", 2), ("unused-suppression", 4) }));
    }

    [Test]
    public void Suppression_of_a_rule_switched_off_is_not_reported_as_unused()
    {
        var linter = LintTestSupport.AllRulesLinter(("insert-on-conflict", LintSeverity.Off));

        Assert.That(Run(Header + "-- ci-migrate:ignore insert-on-conflict\nSELECT 1;\n", linter), Is.Empty);
    }

    [Test]
    public void Configured_severities_override_defaults_and_off_removes_the_rule()
    {
        var linter = LintTestSupport.AllRulesLinter(("insert-on-conflict", LintSeverity.Warning), ("unbounded-delete-update", LintSeverity.Off));
        var findings = linter.Lint(LintTestSupport.File(Header + "INSERT INTO categories (name) VALUES ('a');\nDELETE FROM categories;\n"));

        Assert.That(findings.Select(f => (f.Rule, f.Severity)), Is.EqualTo(new[] { ("insert-on-conflict", Severity.Warning) }));
    }

    [Test]
    public void Unknown_rule_in_settings_is_a_usage_error_naming_it()
    {
        var settings = new LintSettings(new Dictionary<string, LintSeverity> { ["no-such-rule"] = LintSeverity.Error });

        var error = Assert.Throws<UsageException>(() => _ = new Linter(LintRules.All, settings));
        Assert.That(error!.Message, Does.StartWith("lint.rules names unknown rule: no-such-rule."));
    }

    [Test]
    public void A_throwing_rule_becomes_an_internal_error_and_the_other_rules_still_report()
    {
        var linter = new Linter([new ThrowingRule(), .. LintRules.All], LintSettings.Default);
        var findings = linter.Lint(LintTestSupport.File(Header + "DELETE FROM categories;\n"));

        Assert.That(findings.Select(f => f.Rule), Is.EquivalentTo(new[] { "internal-error", "unbounded-delete-update" }));
        Assert.That(findings.Single(f => f.Rule == "internal-error").Message,
            Is.EqualTo("The rule throws-always failed on this file (InvalidOperationException: boom); the other rules ran."));
    }

    [Test]
    public void Files_opened_while_linting_report_in_order_and_a_file_that_cannot_be_read_stops_with_its_own_error()
    {
        var linter = LintTestSupport.AllRulesLinter();
        string[] texts = [Header + "DELETE FROM categories;\n", Header + "SELECT 1;\n", Header + "DELETE FROM budgets;\n"];

        var report = linter.Lint(texts, text => LintTestSupport.File(text));

        Assert.That(report.Files, Has.Count.EqualTo(3));
        Assert.That(report.Findings.Count(f => f.Rule == "unbounded-delete-update"), Is.EqualTo(2));
        var error = Assert.Throws<UsageException>(() => linter.Lint(texts, text =>
            text.Contains("SELECT", StringComparison.Ordinal) ? throw new UsageException("b.sql:1:1: not UTF-8") : LintTestSupport.File(text)));
        Assert.That(error!.Message, Is.EqualTo("b.sql:1:1: not UTF-8"));
    }

    [Test]
    public void A_file_that_is_not_valid_sql_gets_a_syntax_error_at_the_place()
    {
        var findings = LintTestSupport.AllRulesLinter().Lint(LintTestSupport.File(Header + "INSERT INTO t VALUES ('oops);\n"));

        Assert.That(findings.Select(f => (f.Rule, f.Line, f.Column)), Is.EqualTo(new[] { ("syntax-error", 2, 23) }));
    }

    [Test]
    public void Down_files_get_lock_and_security_rules_but_not_idempotency_or_breaking_change()
    {
        var text = Header + "DROP TABLE budgets;\nDELETE FROM categories;\n";
        var linter = new Linter(LintRules.All, LintSettings.Default);

        Assert.That(Run(text, linter, LintFileRole.Down).Select(f => f.Rule), Is.EqualTo(new[] { "unbounded-delete-update" }));
        Assert.That(Run(text, linter).Select(f => f.Rule), Is.EquivalentTo(new[] { "breaking-change", "drop-if-exists", "unbounded-delete-update" }));
    }

    sealed class ThrowingRule : ILintRule
    {
        public string Id => "throws-always";
        public LintSeverity DefaultSeverity => LintSeverity.Error;
        public RuleCategory Category => RuleCategory.Lock;
        public string Summary => "throws";
        public string Help => "none";
        public void Check(LintFile file, FindingCollector findings) => throw new InvalidOperationException("boom");
    }
}
