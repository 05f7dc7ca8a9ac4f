using CiMigrate.Configuration;
using CiMigrate.Migrations;
using CiMigrate.Planning;
using CiMigrate.Reporting;
using CiMigrate.Shadow;
using CiMigrate.Tests.Fixtures;

namespace CiMigrate.Tests.Reporting;

/// <summary>
/// The PR comment for each example app, compared with the approved file beside this test
/// (<c>PlanMarkdown.&lt;app&gt;.approved.md</c>). A missing or different approved file fails the test and leaves
/// <c>.received.md</c> next to it to review and rename; nothing is approved silently.
/// </summary>
public sealed class PlanMarkdownApprovalTests
{
    [TestCase("money-tracker", "money_tracker")]
    [TestCase("home-portal", "home_portal")]
    public async Task Example_app_plan_comment_matches_the_approved_one(string name, string schema)
    {
        var app = new AppSettings(name, schema, Path.Combine(TestRepository.Examples, "apps", name, "supabase", "migrations"));
        var set = MigrationSet.Load(app, TestRepository.Examples);
        var plan = await Planner.PlanAsync(new PlanRequest
        {
            App = app, Pending = set.Migrations,
            StartShadow = async _ => new ExistingServerShadow((await PostgresServer.GetClusterAsync()).ConnectionString()),
        });

        ApprovedFile.Verify($"PlanMarkdown.{name}", PlanMarkdownRenderer.Render(plan));
    }
}
