using System.Text.Json;
using CiMigrate.Diagnostics;
using CiMigrate.Planning;
using CiMigrate.Reporting;

namespace CiMigrate.Tests.Planning;

/// <summary>
/// A plan made on a shadow of another major version than the target's (a PostgreSQL 17 project on a runner with only
/// 15's binaries) says so as a hazard in every format, not as a note at the end.
/// </summary>
public sealed class ShadowVersionHazardTests
{
    [Test]
    public void The_same_major_version_is_no_hazard_whatever_the_minor()
    {
        Assert.That(ShadowExtensions.VersionHazard(new Version(15, 20), new Version(15, 8), "production"), Is.Null);
    }

    [Test]
    public void A_17_target_planned_on_a_15_shadow_is_a_warning_naming_both_versions_and_the_environment()
    {
        var hazard = ShadowExtensions.VersionHazard(new Version(15, 20), new Version(17, 6), "production");

        Assert.That(hazard, Is.Not.Null);
        Assert.That((hazard!.Rule, hazard.Severity), Is.EqualTo(("shadow-version", Severity.Warning)));
        Assert.That(hazard.Message, Does.Contain("PostgreSQL 15.20 while production runs 17.6"));
        Assert.That(hazard.Advice, Does.Contain("postgresql-17"));
    }

    [Test]
    public void Every_plan_format_shows_it_and_the_verdict_asks_for_review()
    {
        var hazard = ShadowExtensions.VersionHazard(new Version(15, 20), new Version(17, 6), "production")!;
        var plan = new Plan
        {
            App = "money-tracker",
            Schema = "money_tracker",
            Environment = "production",
            PlanHash = "abc",
            Pending = [new PendingMigration("20250101000000", "budgets", "m/20250101000000_budgets.sql", "sum", "SELECT 1;")],
            Changes = [],
            Hazards = [hazard],
            Drift = [],
        };

        using var json = JsonDocument.Parse(PlanJsonRenderer.Render(plan));
        var rendered = json.RootElement.GetProperty("hazards")[0];
        Assert.That((rendered.GetProperty("kind").GetString(), rendered.GetProperty("severity").GetString()),
            Is.EqualTo(("shadow-version", "warning")));
        Assert.That(json.RootElement.GetProperty("verdict").GetProperty("level").GetString(), Is.EqualTo("review"));
        Assert.That(PlanMarkdownRenderer.Render(plan), Does.Contain("PostgreSQL 15.20 while production runs 17.6"));
        Assert.That(PlanTextRenderer.Render(plan), Does.Contain("PostgreSQL 15.20 while production runs 17.6"));
    }
}
